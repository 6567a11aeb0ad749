#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The host cannot reach its macvlan containers through the parent; a macvlan shim on the host fixes it (pings from the container only).
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
ip addr add 10.83.0.254/24 dev lan0
docker network create -d macvlan --subnet 10.83.0.0/24 --gateway 10.83.0.1 --aux-address host=10.83.0.250 -o parent=lan0 mv
docker run -itd --name c1 --network mv busybox
docker run -itd --name c2 --network mv busybox
docker exec c1 ping -c 1 -W 1 10.83.0.254
docker exec c1 ping -c 1 -W 1 10.83.0.3
ip link add mvshim link lan0 type macvlan mode bridge
ip addr add 10.83.0.250/32 dev mvshim
ip link set mvshim up
ip route add 10.83.0.0/25 dev mvshim
ip -d link show type macvlan
ip -4 addr show mvshim
ip route show dev mvshim
docker exec c1 ping -c 1 -W 1 10.83.0.250
docker exec c2 ping -c 1 -W 1 10.83.0.250
ip link del mvshim
ip -d link show type macvlan
docker exec c1 ping -c 1 -W 1 10.83.0.250
docker rm -f c1 c2
docker network rm mv
