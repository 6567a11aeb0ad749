#! dockerd --bip 192.168.200.1/24
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The seed tutorial (s00) on a daemon with --bip 192.168.200.1/24; then an automatic network and an overlap with docker0.
docker network ls
ifconfig docker0
docker run -itd --name busybox1 busybox
docker inspect bridge
docker network inspect bridge
docker network create --subnet 172.18.0.0/16 --gateway 172.18.0.1 nasanet
docker run -itd --name nasa --network nasanet centos:latest
docker inspect nasa | grep -i ipaddress
docker inspect busybox1 | grep -i ipaddress
docker run -idt --name hostos --network host centos:latest
docker inspect hostos | grep -i NetworkMode
docker inspect hostos | grep -i ipaddress
brctl show
docker network inspect host
docker run -itd --name none-nasa --net=none centos:latest
docker exec none-nasa ip a
docker run -idt --name nasa-master centos:latest
docker run -itd --name nasa-slave --net=container:nasa-master centos:latest
docker ps
docker exec nasa-master ip a
docker exec nasa-slave ip a
docker exec busybox1 ip route
docker exec busybox1 ping -c 1 -W 1 192.168.200.1
docker network inspect bridge
docker network create auto1
docker network inspect -f '{{json .IPAM.Config}}' auto1
docker network create --subnet 192.168.200.0/24 clash
docker network create --subnet 192.168.200.128/25 clash2
docker network ls
