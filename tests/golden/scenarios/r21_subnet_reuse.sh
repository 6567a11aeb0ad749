#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Automatic subnets without exhaustion: is a freed pool reused at once, or only after the others?
docker network create a1
docker network create a2
docker network create a3
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a1 a2 a3
docker network rm a2
docker network create a4
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a4
docker network rm a1
docker network create a5
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a5
docker network create a6
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a6
docker network create --subnet 172.18.0.0/16 clash
docker network create --subnet 172.18.0.0/24 clash2
docker network create --subnet 172.16.0.0/12 clash3
docker network create --subnet 172.24.0.0/16 mine
docker network create a7
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a7
docker network create a8
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a8
docker network create --subnet 10.0.0.0/8 bigone
docker network create a9
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a9
docker network create -d bridge --ip-range 172.30.0.0/24 a10
docker network create --gateway 172.30.0.1 a11
docker network create --aux-address x=172.30.0.5 a12
docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a3 a4 a5 a6 mine a7 a8 bigone a9
docker run -itd --name c1 --network a5 busybox
docker inspect -f '{{.NetworkSettings.Networks.a5.IPAddress}} {{.NetworkSettings.Networks.a5.Gateway}} {{.NetworkSettings.Networks.a5.IPPrefixLen}}' c1
docker network rm a5
docker network rm a6 a7
docker network create a13
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a13
