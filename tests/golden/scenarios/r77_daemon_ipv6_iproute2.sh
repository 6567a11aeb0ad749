#! dockerd --ipv6 --fixed-cidr-v6 fd00:beef::/64 --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/bash TOOLS iproute2
# IPv6 on docker0 (fd00:beef::/64) seen with iproute2's ip in centos: addresses, v6 routes, route get, a v6 user network.
docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' bridge
docker run -itd --name c1 centos
docker run -itd --name c2 centos
docker inspect -f '{{.Name}} {{.NetworkSettings.GlobalIPv6Address}}/{{.NetworkSettings.GlobalIPv6PrefixLen}} gw {{.NetworkSettings.IPv6Gateway}}' c1 c2
docker exec c1 ip -6 addr show eth0
docker exec c1 ip -6 route
docker exec c1 ip -6 route get fd00:beef::1
docker exec c1 ip addr show
docker run -itd --name b1 busybox
docker exec b1 ping -c 1 -W 1 fd00:beef::2
docker network create --ipv6 --subnet fd00:cafe::/64 --subnet 10.87.0.0/24 v6net
docker run -itd --name u1 --network v6net centos
docker exec u1 ip -6 addr show eth0
docker exec u1 ip -6 route
docker exec u1 ip -4 route
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}} {{.IPv6Gateway}}{{end}}' u1
docker network connect v6net c1
docker exec c1 ip -6 route
docker exec c1 ip -6 addr show eth1
docker run -itd --name n1 --network none centos
docker exec n1 ip -6 addr
docker run -itd --name h1 --network host centos
docker exec h1 ip -6 addr show docker0
ip -6 route show dev docker0
