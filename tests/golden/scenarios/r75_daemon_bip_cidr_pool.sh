#! dockerd --bip 10.50.0.1/16 --fixed-cidr 10.50.8.0/24 --default-address-pool base=10.60.0.0/16,size=24
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --bip with --fixed-cidr and a --default-address-pool together: docker0 from --bip, containers from the fixed range, user networks from the pool.
docker network inspect bridge
ip -4 addr show dev docker0
docker run -itd --name c1 busybox
docker run -itd --name c2 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}/{{.NetworkSettings.IPPrefixLen}} gw {{.NetworkSettings.Gateway}}' c1 c2
docker exec c1 ip route
docker exec c1 ping -c 1 -W 1 10.50.8.1
docker run -itd --name c3 --ip 10.50.0.77 busybox
docker inspect -f '{{.NetworkSettings.IPAddress}} {{json .NetworkSettings.Networks.bridge.IPAMConfig}}' c3
docker network create n1
docker network create n2
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n1 n2
docker network create --subnet 10.60.2.0/24 manual
docker network create n3
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n3
docker network create --subnet 10.50.1.0/24 inside-bip
docker network create --subnet 10.50.8.0/24 on-fixed
docker run -itd --name u1 --network n1 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}/{{.IPPrefixLen}} {{.Gateway}}{{end}}' u1
docker exec u1 ping -c 1 -W 1 10.50.8.1
docker network ls
ip route show dev docker0
iptables -t nat -S
