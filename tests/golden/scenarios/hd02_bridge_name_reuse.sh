#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# com.docker.network.bridge.name naming a device the network did not create: is it refused,
# reused, and is it still there (with what address) after the network is removed?
ip link add lan0 type veth peer name lan0p
ip link add mybrx type bridge
docker network create --subnet 10.61.0.0/24 -o com.docker.network.bridge.name=lan0 onveth
docker network ls
ip -4 addr show dev lan0 | grep inet
docker network rm onveth
ip link show lan0 | grep -c lan0
docker network create --subnet 10.62.0.0/24 -o com.docker.network.bridge.name=docker0 ondocker0
docker network rm ondocker0
ip -4 addr show dev docker0 | grep inet
docker run -itd --name c1 busybox
docker inspect -f '{{.NetworkSettings.IPAddress}}' c1
docker network create --subnet 10.63.0.0/24 -o com.docker.network.bridge.name=mybrx onbr
ip -4 addr show dev mybrx | grep inet
docker run -itd --name c2 --network onbr busybox
brctl show mybrx | grep -c veth
docker rm -f c2
docker network rm onbr
ip link show mybrx | grep -c mybrx
ip -4 addr show dev mybrx | grep -c inet
