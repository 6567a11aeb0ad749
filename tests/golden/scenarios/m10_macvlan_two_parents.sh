#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Two parents and two networks on one parent: which containers reach which (a veth peer is no switch between parents).
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
ip link add lan1 type veth peer name lan1p
ip link set lan1 up
ip link set lan1p up
docker network create -d macvlan --subnet 10.87.0.0/24 -o parent=lan0 na
docker network create -d macvlan --subnet 10.88.0.0/24 -o parent=lan0 nb
docker network create -d macvlan --subnet 10.89.0.0/24 -o parent=lan1 nc
docker run -itd --name t1 --network na busybox
docker run -itd --name t2 --network nb busybox
docker run -itd --name t3 --network nc busybox
docker network connect nb t1
docker network connect nc t1
docker exec t1 ip route
docker exec t1 ping -c 1 -W 1 10.88.0.2
docker exec t1 ping -c 1 -W 1 10.89.0.2
docker exec t2 ping -c 1 -W 1 10.87.0.2
docker exec t3 ping -c 1 -W 1 10.88.0.2
docker network inspect -f '{{.Name}} {{json .Options}}' na nb nc
docker rm -f t1 t2 t3
docker network rm na nb nc
