#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Each macvlan_mode: bridge siblings talk, private ones do not, vepa needs a reflecting switch (a veth peer is not one), passthru takes the parent for one child.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
ip link add lan1 type veth peer name lan1p
ip link set lan1 up
ip link set lan1p up
docker network create -d macvlan --subnet 10.61.0.0/24 -o parent=lan0 -o macvlan_mode=private mvp
docker network inspect -f '{{.Driver}} {{json .Options}} {{json .IPAM.Config}}' mvp
docker run -itd --name p1 --network mvp busybox
docker run -itd --name p2 --network mvp busybox
docker exec p1 ip -d link show eth0
docker exec p1 ping -c 1 -W 1 10.61.0.3
docker rm -f p1 p2
docker network rm mvp
docker network create -d macvlan --subnet 10.62.0.0/24 -o parent=lan0 -o macvlan_mode=vepa mvv
docker run -itd --name v1 --network mvv busybox
docker run -itd --name v2 --network mvv busybox
docker exec v1 ping -c 1 -W 1 10.62.0.3
docker rm -f v1 v2
docker network rm mvv
docker network create -d macvlan --subnet 10.63.0.0/24 -o parent=lan1 -o macvlan_mode=passthru mvt
docker run -itd --name t1 --network mvt busybox
docker run -itd --name t2 --network mvt busybox
docker exec t1 ip a
ip -o link show lan1
docker rm -f t1 t2
docker network rm mvt
docker network create -d macvlan --subnet 10.64.0.0/24 -o parent=lan0 -o macvlan_mode=bridge mvb
docker run -itd --name b1 --network mvb busybox
docker run -itd --name b2 --network mvb busybox
docker exec b1 ping -c 1 -W 1 10.64.0.3
ip -d link show type macvlan
docker rm -f b1 b2
docker network rm mvb
