#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Automatic subnets from the default pools until they run out; then free some in the middle and allocate again.
docker network create --subnet 172.19.0.0/16 manual
docker network create n01
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n01
docker network create n02
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n02
docker network create n03
docker network create n04
docker network create n05
docker network create n06
docker network create n07
docker network create n08
docker network create n09
docker network create n10
docker network create n11
docker network create n12
docker network create n13
docker network create n14
docker network create n15
docker network create n16
docker network create n17
docker network create n18
docker network create n19
docker network create n20
docker network create n21
docker network create n22
docker network create n23
docker network create n24
docker network create n25
docker network create n26
docker network create n27
docker network create n28
docker network create n29
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n13 n14 n15 n16 n28 n29
docker network create n30
docker network rm n05 n14 n20
docker network create x1
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' x1
docker network create x2
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' x2
docker network create x3
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' x3
docker network create x4
docker network rm manual x2
docker network create x5
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' x5
