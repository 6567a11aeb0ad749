#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A macvlan container across stop/start/restart, --mac-address, --ip, the parent's MTU, network rm under a container, and the parent going down.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
ip link set lan0 mtu 1300
docker network create -d macvlan --subnet 10.84.0.0/24 -o parent=lan0 mv
docker run -itd --name l1 --network mv --ip 10.84.0.40 busybox
docker run -itd --name l2 --network mv --mac-address 02:00:00:aa:bb:cc busybox
docker exec l1 ip link show eth0
docker exec l2 ip link show eth0
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.MacAddress}}{{end}}' l1 l2
docker stop -t 1 l1
docker start l1
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' l1
docker exec l1 ip -4 addr show eth0
docker restart -t 1 l2
docker exec l2 ip link show eth0
docker network create -d macvlan --subnet 10.85.0.0/24 -o parent=lan0 -o com.docker.network.driver.mtu=1200 mvm
docker run -itd --name l3 --network mvm busybox
docker exec l3 ip link show eth0
ip link set lan0 down
docker run -itd --name l4 --network mv busybox
docker exec l4 ip link show eth0
docker exec l1 ip link show eth0
ip link set lan0 up
docker network inspect -f '{{range $k,$v := .Containers}}{{$v.Name}}={{$v.IPv4Address}}{{println}}{{end}}' mv | sort
docker rm -f l1 l2 l3 l4
docker network rm mv mvm
ip -d link show type macvlan
