#! dockerd --default-address-pool base=172.30.0.0/24,size=26 --default-address-pool base=10.10.0.0/24,size=25
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Two small default address pools: docker0 and automatic networks take /26s then /25s, until both run out.
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' bridge
ip addr show dev docker0
docker network create n1
docker network create n2
docker network create n3
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n1 n2 n3
docker network create n4
docker network create n5
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n4 n5
docker network create n6
docker run -itd --name c1 busybox
docker run -itd --name c2 --network n4 busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}/{{.IPPrefixLen}} {{.Gateway}}{{end}}' c1 c2
docker exec c2 ip route
docker network rm n2
docker network create n7
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n7
docker network create --subnet 172.30.0.64/26 manual
docker network create --subnet 172.30.0.0/16 wide
docker network ls --format '{{.Name}}'
ip route
iptables -t nat -S POSTROUTING
