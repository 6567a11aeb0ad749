#! dockerd --default-address-pool base=10.50.0.0/22,size=24
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A tiny default pool: four /24s shared by docker0 and automatic networks, until they run out.
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' bridge
docker network create t1
docker network create t2
docker network create t3
docker network create t4
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' t1 t2 t3
docker network rm t1
docker network create t5
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' t5
docker network create t6
docker network rm t2 t3
docker network create t7
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' t7
docker network create t8
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' t8
docker network create --subnet 10.50.9.0/24 beyond
docker network ls --format '{{.Name}}'
