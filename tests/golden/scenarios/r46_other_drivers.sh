#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Other drivers and network flags: macvlan and ipvlan on a dummy parent, attachable, config-only, scope; create, inspect, remove.
docker network create -d macvlan --subnet 10.92.0.0/24 -o parent=ifb0 mv0
docker network inspect mv0
docker network create -d macvlan --subnet 10.93.0.0/24 -o parent=ifb0 mv1
docker network create -d macvlan --subnet 10.94.0.0/24 -o parent=nosuchdev mv2
docker network create -d ipvlan --subnet 10.95.0.0/24 -o parent=ifb1 -o ipvlan_mode=l2 iv0
docker network inspect -f '{{.Driver}} {{json .Options}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' iv0
docker network create -d ipvlan --subnet 10.96.0.0/24 -o parent=ifb1 -o ipvlan_mode=bogus iv1
docker network create --attachable --subnet 10.97.0.0/24 att
docker network inspect -f '{{.Attachable}} {{.Scope}}' att
docker network create --scope swarm --subnet 10.97.1.0/24 sw
docker network create --config-only --subnet 10.97.2.0/24 cfg
docker network inspect cfg
docker network create --config-from cfg fromcfg
docker network inspect -f '{{.ConfigFrom.Network}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' fromcfg
docker run -itd --name c1 --network cfg busybox
docker network create -d overlay ov
docker network create -d host myhost
docker network create -d null mynull
docker network create --ingress ing
docker network ls
docker network ls --filter driver=macvlan
ip -d link show type macvlan
docker network rm mv0 iv0 fromcfg cfg att
ip -d link show type macvlan
docker network ls
