#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# IPv6 on user networks: explicit and automatic subnets, dual stack, --ip6, what containers see.
docker network create --ipv6 --subnet fd00:1::/64 v6only
docker network inspect v6only
docker network create --ipv6 v6auto
docker network inspect -f '{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' v6auto
docker network create --ipv6 --subnet 10.60.0.0/24 --subnet fd00:2::/64 dual
docker network inspect dual
docker network create --subnet fd00:3::/64 noflag
docker network inspect -f '{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' noflag
docker network create --ipv6 --subnet fd00:4::/64 --gateway fd00:4::ffff --ip-range fd00:4::100/120 v6rng
docker network create --ipv6 --subnet fd00:5::/129 bad1
docker network create --ipv6 --subnet fd00:1::/80 bad2
docker network create --ipv6 --subnet fd00:6::/64 --gateway fd00:7::1 bad3
docker run -itd --name d1 --network dual busybox
docker run -itd --name d2 --network dual --ip6 fd00:2::99 busybox
docker run -itd --name d3 --network dual --ip6 fd00:9::1 busybox
docker run -itd --name d4 --network dual --ip 10.60.0.50 --ip6 fd00:2::50 busybox
docker run -itd --name d5 --network v6rng busybox
docker run -itd --name d6 --ip6 fd00:2::77 busybox
docker exec d1 ip a
docker exec d1 ip -6 route
docker exec d1 ip route
docker exec d5 ip -6 addr
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} {{.IPv6Gateway}}{{end}}' d1 d2 d4 d5
docker exec d1 ping -c 1 -W 1 fd00:2::99
docker exec d1 ping -c 1 -W 1 fd00:2::1
docker exec d1 ping -c 1 -W 1 d2
docker exec d1 nslookup d2
docker exec d1 cat /etc/hosts
docker network connect v6only d1
docker exec d1 ip -6 addr
docker network inspect dual
docker network ls --format '{{.Name}} {{.IPv6}}'
ip -6 addr show dev docker0
iptables -t nat -S
