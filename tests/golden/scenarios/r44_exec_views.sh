#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Inside and outside: what busybox tools in containers and the host's tools show with containers on two networks.
docker network create --subnet 10.90.0.0/24 back
docker run -itd --name v1 busybox
docker run -itd --name v2 --network back busybox
docker network connect back v1
docker exec v1 ip a
docker exec v1 ip route
docker exec v1 ip link
docker exec v1 ifconfig
docker exec v1 hostname -i
docker exec v1 cat /etc/hosts
docker exec v2 ip -4 addr
docker exec v2 ip route get 10.90.0.1
docker exec v2 route -n
docker exec v2 netstat -rn
docker exec v2 ifconfig eth0
docker exec v2 cat /etc/hostname
docker exec v2 cat /proc/net/route
ip addr
ip route
ip -br addr show type bridge
ip link show type bridge
ifconfig docker0
brctl show
iptables -L -n
iptables -t nat -L -n
iptables -L DOCKER-ISOLATION-STAGE-1 -n
docker network disconnect back v1
docker exec v1 ip a
ip addr
brctl show
