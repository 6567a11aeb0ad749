#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Twenty networks mixing automatic and manual subnets inside the default pools, with removals, until the pools run out.
docker network create --subnet 172.24.0.0/13 big172
docker network create a01
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a01
docker network create --subnet 172.19.128.0/17 half19
docker network create a02
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a02
docker network create --subnet 192.168.0.0/17 big192
docker network create a03
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a03
docker network create --subnet 192.168.200.0/24 m200
docker network create a04
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a04
docker network create a05
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a05
docker network rm a01
docker network create a06
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a06
docker network create --subnet 172.18.0.0/16 m18
docker network create a07
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a07
docker network create a08
docker network create a09
docker network create a10
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' a08 a09 a10
docker network rm big172
docker network create a11
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a11
docker network create a12
docker network create a13
docker network create a14
docker network create a15
docker network create a16
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' a12 a13 a14 a15 a16
docker network create a17
docker network create a18
docker network create a19
docker network create a20
docker network create a21
docker network create a22
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' a17 a18 a19 a20 a21
docker network rm half19 m200
docker network create a23
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a23
docker network create a24
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' a24
docker network create a25
docker network ls --format '{{.Name}}' --filter type=custom
