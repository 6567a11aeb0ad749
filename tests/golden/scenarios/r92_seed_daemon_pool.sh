#! dockerd --default-address-pool base=10.200.0.0/16,size=24
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The seed tutorial (s00) on a daemon with one default address pool; nasanet gets an automatic subnet, then two more automatic networks.
docker network ls
ifconfig docker0
docker run -itd --name busybox1 busybox
docker inspect bridge
docker network inspect bridge
docker network create nasanet
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
docker network inspect nasanet
docker network create auto2
docker network create auto3
docker network inspect -f '{{json .IPAM.Config}}' auto2
docker network inspect -f '{{json .IPAM.Config}}' auto3
docker run -itd --name a3 --network auto3 busybox
docker inspect a3 | grep -i ipaddress
docker network ls
