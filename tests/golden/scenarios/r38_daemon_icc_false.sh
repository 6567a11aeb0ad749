#! dockerd --icc=false
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon with --icc=false: the default bridge drops container-to-container traffic; user networks do not inherit it.
docker network inspect -f '{{json .Options}}' bridge
docker run -itd --name c1 busybox
docker run -itd --name c2 busybox
docker exec c1 ping -c 1 -W 1 172.17.0.3
docker exec c1 ping -c 1 -W 1 172.17.0.1
docker exec c1 ping -c 1 -W 1 192.0.2.2
docker network create --subnet 10.80.0.0/24 usr
docker network inspect -f '{{json .Options}}' usr
docker run -itd --name u1 --network usr busybox
docker run -itd --name u2 --network usr busybox
docker exec u1 ping -c 1 -W 1 10.80.0.3
docker run -itd --name c3 --link c1 busybox
docker exec c3 ping -c 1 -W 1 172.17.0.2
docker exec c1 ping -c 1 -W 1 172.17.0.4
iptables -S
iptables -t nat -S
docker run -itd --name c4 -p 8080:80 --link c1:db busybox
iptables -S DOCKER
docker run -itd --name w1 web:latest
docker run -itd --name c5 --link w1:web busybox
iptables -S DOCKER
docker exec c5 cat /etc/hosts
