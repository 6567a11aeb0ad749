#! dockerd --ip 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon with --ip 127.0.0.1: the default host address for published ports.
docker network inspect -f '{{json .Options}}' bridge
docker run -itd --name c1 -p 8080:80 busybox
docker run -itd --name c2 -p 80 -p 0.0.0.0:8082:82 busybox
docker run -itd --name c3 -P web:latest
docker network create --subnet 10.83.0.0/24 usr
docker network inspect -f '{{json .Options}}' usr
docker run -itd --name u1 --network usr -p 8081:80 busybox
docker port c1
docker port c2
docker port c3
docker port u1
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' c1
iptables -t nat -S
iptables -S DOCKER
