#! dockerd --ipv6 --fixed-cidr-v6 fd00:dead::/64
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon with IPv6 on the default bridge: addresses, routes, published ports.
docker network inspect bridge
ip -6 addr show dev docker0
docker run -itd --name b1 busybox
docker run -itd --name b2 busybox
docker exec b1 ip a
docker exec b1 ip -6 route
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}} {{.NetworkSettings.GlobalIPv6Address}}/{{.NetworkSettings.GlobalIPv6PrefixLen}} {{.NetworkSettings.IPv6Gateway}}' b1 b2
docker exec b1 cat /etc/hosts
docker run -itd --name b3 -p 8080:80 busybox
docker port b3
docker run -itd --name b4 --ip6 fd00:dead::100 busybox
docker network create v6default
docker network inspect -f '{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' v6default
docker network create --ipv6 v6auto
docker network inspect -f '{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' v6auto
docker network inspect -f '{{json .IPAM.Config}}' bridge
docker restart b1
docker inspect -f '{{.NetworkSettings.GlobalIPv6Address}}' b1
docker exec b1 ping -c 1 -W 1 fd00:dead::1
docker exec b2 ping -c 1 -W 1 fd00:dead::1
docker exec b2 ip -6 addr
ip -6 route show dev docker0
iptables -t nat -S
