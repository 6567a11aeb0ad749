#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# A container on a bridge network and the host try to reach a macvlan container through the host; the host's address on the parent; a shim with a route makes both work.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
ip addr add 10.98.0.254/24 dev lan0
docker network create -d macvlan --subnet 10.98.0.0/24 --gateway 10.98.0.1 --aux-address shim=10.98.0.250 -o parent=lan0 mv
docker network create --subnet 10.99.0.0/24 br
docker run -itd --name f1 --network mv busybox
docker run -itd --name f2 --network br busybox
docker exec f2 ping -c 1 -W 1 10.98.0.2
docker exec f1 ping -c 1 -W 1 10.99.0.2
docker exec f2 ip route
ip link add mvshim link lan0 type macvlan mode bridge
ip addr add 10.98.0.250/32 dev mvshim
ip link set mvshim up
ip route add 10.98.0.2/32 dev mvshim
ip route show
docker exec f2 ping -c 1 -W 1 10.98.0.2
docker exec f1 ping -c 1 -W 1 10.98.0.250
ip link del mvshim
docker rm -f f1 f2
docker network rm mv br
