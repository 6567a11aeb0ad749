#! dockerd --iptables=false
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon with --iptables=false: no rules at all, yet ports are still published by the proxy.
iptables -S
iptables -t nat -S
docker run -itd --name c1 -p 8080:80 busybox
docker network create --subnet 10.86.0.0/24 usr
docker network create --subnet 10.87.0.0/24 --internal inner
docker network create --subnet 10.88.0.0/24 -o com.docker.network.bridge.enable_icc=false noicc
docker run -itd --name u1 --network usr -p 8081:80 busybox
docker run -itd --name u2 --network usr busybox
docker port c1
docker port u1
docker ps --format '{{.Names}} {{.Ports}}'
iptables -S
iptables -t nat -S
docker exec u1 ping -c 1 -W 1 10.86.0.3
docker exec u1 ping -c 1 -W 1 172.17.0.2
docker exec u1 ping -c 1 -W 1 192.0.2.2
docker network inspect -f '{{json .Options}}' usr
