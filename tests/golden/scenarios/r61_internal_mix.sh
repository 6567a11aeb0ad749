#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# An internal network mixed with a normal one: published ports on an internal network, routes and names as the container joins and leaves the normal one.
docker network create --internal --subnet 10.115.0.0/24 priv
docker network create --subnet 10.116.0.0/24 pubnet
docker run -itd --name i1 --network priv -p 8080:80 busybox
docker port i1
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' i1
docker run -itd --name i2 --network priv busybox
docker exec i1 ip route
docker exec i1 ping -c 1 -W 1 i2
docker exec i1 cat /etc/resolv.conf
docker network connect pubnet i1
docker exec i1 ip route
docker port i1
docker exec i1 ping -c 1 -W 1 10.116.0.1
docker exec i1 ping -c 1 -W 1 192.0.2.2
docker run -itd --name i3 --network pubnet busybox
docker exec i3 ping -c 1 -W 1 i1
docker exec i3 nslookup i2
docker exec i2 nslookup i3
docker exec i2 nslookup i1
iptables -t nat -S
iptables -S
docker network disconnect pubnet i1
docker exec i1 ip route
docker exec i1 ping -c 1 -W 1 192.0.2.2
docker network ls --filter type=custom --format '{{.Name}} {{.Internal}}'
docker network inspect priv
