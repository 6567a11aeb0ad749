#! dockerd --default-address-pool base=10.123.0.0/16,size=24
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --default-address-pool: where docker0 and automatic networks come from, and reuse after removal.
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' bridge
ip addr show dev docker0
docker network create n1
docker network create n2
docker network create n3
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n1 n2 n3
docker network rm n2
docker network create n4
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n4
docker network create --subnet 10.123.5.0/24 manual
docker network create n5
docker network create n6
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n5 n6
docker network create --subnet 172.18.0.0/16 outside
docker run -itd --name c1 busybox
docker run -itd --name c2 --network n1 busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}/{{.IPPrefixLen}} {{.Gateway}}{{end}}' c1 c2
docker exec c2 ip route
iptables -t nat -S
