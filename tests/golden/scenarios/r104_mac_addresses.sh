#! dockerd --ipv6 --fixed-cidr-v6 fd00:cafe::/64
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --mac-address on the default bridge (IPv6 from the MAC on 20.10) and a user network; after stop/start; connect to a second network.
docker run -itd --name m1 --mac-address 02:42:ac:11:00:99 busybox
docker inspect -f '{{.NetworkSettings.MacAddress}} {{.NetworkSettings.IPAddress}} {{.NetworkSettings.GlobalIPv6Address}}' m1
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}} {{$v.MacAddress}} {{$v.GlobalIPv6Address}}{{end}}' m1
docker inspect -f '{{.Config.MacAddress}}' m1
docker exec m1 ip link show eth0
docker exec m1 ip -6 addr show eth0 scope global
docker run -itd --name m0 busybox
docker inspect -f '{{.NetworkSettings.MacAddress}} {{.NetworkSettings.GlobalIPv6Address}}' m0
docker exec m0 ping -c 1 -W 1 fd00:cafe::242:ac11:99
docker network create --subnet 10.104.0.0/24 mn
docker run -itd --name m2 --network mn --mac-address 02:42:0a:68:00:99 busybox
docker inspect -f '{{.NetworkSettings.MacAddress}}|{{range $k,$v := .NetworkSettings.Networks}}{{$k}} {{$v.MacAddress}} {{$v.IPAddress}}{{end}}' m2
docker exec m2 ip link show eth0
docker stop -t 1 m2
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}} {{$v.MacAddress}}{{end}}' m2
docker start m2
docker exec m2 ip link show eth0
docker network create --subnet 10.105.0.0/24 mn2
docker network connect mn2 m2
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}} {{$v.MacAddress}} {{$v.IPAddress}}; {{end}}' m2
docker exec m2 ip link show eth1
docker network connect mn m1
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}} {{$v.MacAddress}} {{$v.IPAddress}}; {{end}}' m1
docker run -itd --name m3 --mac-address 02:42:ac:11:00:99 busybox
docker inspect -f '{{.NetworkSettings.MacAddress}} {{.NetworkSettings.IPAddress}}' m3
docker run -itd --name m4 --mac-address 02:42:zz:11:00:99 busybox
docker run -itd --name m5 --network none --mac-address 02:42:ac:11:00:98 busybox
docker inspect -f '{{.NetworkSettings.MacAddress}}|{{json .NetworkSettings.Networks}}' m5
