#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Create errors: parent missing, invalid mode, two networks on one parent, the same subnet twice, a parent enslaved to a bridge, bad --ip.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.70.0.0/24 -o parent=lan9 e1
docker network create -d macvlan --subnet 10.70.0.0/24 -o parent=lan0 -o macvlan_mode=bogus e2
docker network create -d macvlan --subnet 10.70.0.0/24 -o parent=lan0 -o macvlan_mode=Bridge e3
docker network create -d macvlan --subnet 10.70.0.0/24 -o parent=lan0 ok1
docker network create -d macvlan --subnet 10.71.0.0/24 -o parent=lan0 ok2
docker network create -d macvlan --subnet 10.70.0.0/24 -o parent=lan0p dup
docker network create -d macvlan --subnet 10.70.0.0/24 -o parent=lan0 dup2
docker network create --subnet 10.70.0.0/24 brdup
docker network ls --filter driver=macvlan --format '{{.Name}}'
docker network create -d macvlan --subnet 10.72.0.0/24 -o parent=lan0 -o parent=lan0p twop
docker network create -d macvlan --subnet 10.73.0.0/24 -o parent=lan0 -o macvlan_mode=private ok1
docker network create -d macvlan --gateway 10.74.0.1 -o parent=lan0p nosub
docker network create -d macvlan --subnet 10.75.0.0/24 --ip-range 10.76.0.0/28 -o parent=lan0p badrange
docker network create -d macvlan --subnet 10.77.0.0/24 -o parent=lan0p -o foo=bar withopt
docker network inspect -f '{{json .Options}}' withopt
ip link add br9 type bridge
ip link add lan2 type veth peer name lan2p
ip link set lan2 master br9
docker network create -d macvlan --subnet 10.78.0.0/24 -o parent=lan2 slave
docker run -itd --name s1 --network slave busybox
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm -f s1
docker network ls --filter driver=macvlan --format '{{.Name}}'
ip link del br9
