#! dockerd --icc=false --ip-masq=false --mtu 1450 --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --icc=false, --ip-masq=false and --mtu 1450 together: pings and links on the default bridge, a user network's mtu and rules.
docker network inspect -f '{{json .Options}}' bridge
docker run -itd --name c1 web
docker run -itd --name c2 busybox
docker exec c2 ping -c 1 -W 1 172.17.0.2
docker run -itd --name c3 --link c1:db busybox
docker exec c3 ping -c 1 -W 1 db
docker exec c3 cat /etc/hosts
docker exec c3 ip link show eth0
iptables -S DOCKER
docker network create --subnet 10.86.0.0/24 usr
docker network inspect -f '{{json .Options}}' usr
docker run -itd --name u1 --network usr busybox
docker run -itd --name u2 --network usr busybox
docker exec u1 ip link show eth0
docker exec u1 ping -c 1 -W 1 u2
docker exec u1 ping -c 1 -W 1 172.17.0.1
docker run -itd --name p1 -p 8080:80 busybox
docker run -itd --name p2 --network usr -p 8081:80 busybox
iptables -t nat -S
iptables -S
docker exec u1 cat /etc/resolv.conf
docker exec c2 cat /etc/resolv.conf
