#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# network create/rm churn with --ipv6 and no subnet: ULA /64s on 28, errors on 20.10; reuse after removal.
docker network create --ipv6 v6a
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v6a
docker network create --ipv6 v6b
docker network create --ipv6 v6c
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v6b
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v6c
docker network rm v6a
docker network create --ipv6 v6a
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v6a
docker network create --ipv6 --subnet 10.85.0.0/24 v6d
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v6d
docker network create --ipv6 --subnet fd00:85::/64 v6e
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' v6e
docker network ls -f name=v6 --format '{{.Name}} {{.IPv6}}'
docker network inspect -f '{{.EnableIPv6}}' v6b
docker run -itd --name x6 --network v6b busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} {{.IPv6Gateway}}{{end}}' x6
docker exec x6 ip -6 route
docker network rm v6c
docker network create --ipv6 v6f
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v6f
docker network create v4g
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v4g
docker network rm v6a v6b
docker rm -f x6
docker network rm v6b
docker network create --ipv6 v6h
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{end}}' v6h
docker network ls -f name=v --format '{{.Name}} {{.IPv6}}'
