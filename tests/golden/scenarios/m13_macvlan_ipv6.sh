#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# IPv6 on a macvlan network: dual stack and IPv6 addresses, --ip6, link-local addresses, ping6 between siblings.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --ipv6 --subnet 10.94.0.0/24 --subnet fd00:94::/64 --gateway fd00:94::fe -o parent=lan0 m6
docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' m6
docker run -itd --name v1 --network m6 busybox
docker run -itd --name v2 --network m6 --ip6 fd00:94::50 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}} {{.IPv6Gateway}}{{end}}' v1 v2
docker exec v1 ip -6 addr show eth0
docker exec v1 ip -6 route
docker exec v1 ping -c 1 -W 1 fd00:94::50
docker exec v2 ping -c 1 -W 1 10.94.0.2
docker run -itd --name v3 --network m6 --ip6 fd00:95::5 busybox
docker rm -f v1 v2 v3
docker network rm m6
