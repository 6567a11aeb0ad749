#! dockerd --mtu 1400
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon with --mtu 1400: docker0, containers on the default bridge, user networks with and without their own mtu.
docker network inspect -f '{{json .Options}}' bridge
ip link show dev docker0
docker run -itd --name c1 busybox
docker exec c1 ip a
docker exec c1 ip link
ip link show dev docker0
docker network create --subnet 10.84.0.0/24 usr
docker network inspect -f '{{json .Options}}' usr
docker run -itd --name u1 --network usr busybox
docker exec u1 ip link
docker network create --subnet 10.85.0.0/24 -o com.docker.network.driver.mtu=9000 jumbo
docker run -itd --name j1 --network jumbo busybox
docker exec j1 ip link
docker network connect usr c1
docker exec c1 ip link
ifconfig docker0
