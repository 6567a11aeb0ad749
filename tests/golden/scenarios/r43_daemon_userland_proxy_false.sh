#! dockerd --userland-proxy=false
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon with --userland-proxy=false: hairpin NAT rules instead of docker-proxy for published ports.
docker run -itd --name c1 -p 8080:80 busybox
docker run -itd --name c2 -p 127.0.0.1:8081:81 -p 9000:9000/udp busybox
docker network create --subnet 10.89.0.0/24 usr
docker run -itd --name u1 --network usr -p 8082:80 busybox
docker port c1
docker port c2
docker port u1
iptables -t nat -S
iptables -S
iptables -t raw -S
docker stop -t 1 c1
iptables -t nat -S
docker start c1
docker port c1
docker run -itd --name c3 -p 8080:80 busybox
docker ps -a --format '{{.Names}} {{.Ports}}'
