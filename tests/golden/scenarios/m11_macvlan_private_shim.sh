#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# A host shim on a parent whose containers are in private mode, and in vepa mode: the shim helps only bridge mode.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
ip link add mvshim link lan0 type macvlan mode bridge
ip addr add 10.90.0.250/32 dev mvshim
ip link set mvshim up
ip route add 10.90.0.0/24 dev mvshim
docker network create -d macvlan --subnet 10.90.0.0/24 --aux-address host=10.90.0.250 -o parent=lan0 -o macvlan_mode=private mp
docker run -itd --name q1 --network mp busybox
docker exec q1 ping -c 1 -W 1 10.90.0.250
docker exec q1 ip route
docker rm -f q1
docker network rm mp
docker network create -d macvlan --subnet 10.90.0.0/24 --aux-address host=10.90.0.250 -o parent=lan0 -o macvlan_mode=vepa mv
docker run -itd --name q2 --network mv busybox
docker exec q2 ping -c 1 -W 1 10.90.0.250
docker rm -f q2
docker network rm mv
docker network create -d macvlan --subnet 10.90.0.0/24 --aux-address host=10.90.0.250 -o parent=lan0 mb
docker run -itd --name q3 --network mb busybox
docker exec q3 ping -c 1 -W 1 10.90.0.250
ip link set mvshim down
docker exec q3 ping -c 1 -W 1 10.90.0.250
ip -o link show type macvlan
ip link del mvshim
docker rm -f q3
docker network rm mb
