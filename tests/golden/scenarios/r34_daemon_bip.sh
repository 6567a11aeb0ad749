#! dockerd --bip 10.99.0.1/24
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon started with --bip: the default bridge's subnet, gateway and what containers get.
docker network inspect bridge
ip addr show dev docker0
ifconfig docker0
docker run -itd --name c1 busybox
docker run -itd --name c2 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}/{{.NetworkSettings.IPPrefixLen}} {{.NetworkSettings.Gateway}} {{.NetworkSettings.MacAddress}}' c1 c2
docker exec c1 ip a
docker exec c1 ip route
docker exec c1 ping -c 1 -W 1 10.99.0.1
docker exec c1 ping -c 1 -W 1 10.99.0.3
docker run -itd --name c3 --ip 10.99.0.50 busybox
docker network create auto1
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' auto1
docker network create --subnet 10.99.0.0/16 clash
docker network create --subnet 172.17.0.0/16 was-default
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' was-default
ip route
iptables -t nat -S
docker network ls
