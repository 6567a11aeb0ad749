#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Routes through a container: the host's ip route add via a container's address without a device (the kernel takes the bridge), gateways it refuses, selectors; busybox route and ip route in a container without CAP_NET_ADMIN.
docker network create --subnet 10.162.0.0/24 rnet
docker run -itd --name gw --network rnet --ip 10.162.0.10 busybox
ip route add 10.163.0.0/16 via 10.162.0.10
ip route show 10.163.0.0/16
ip route show root 10.162.0.0/15
ip route add 10.163.0.0/16 via 10.162.0.10
ip route add 10.164.0.0/16 via 10.250.0.1
ip route add 10.164.0.0/16 via 10.163.0.1
ip route add 10.164.0.0/16 via 10.162.0.255
ip route add 10.164.0.0/16 via 10.162.0.10 dev docker0
ip route add 10.164.0.0/16 via nonsense
ip route get 10.163.1.1
ip route del 10.163.0.0/16
ip route show 10.163.0.0/16
ip route del 10.163.0.0/16
docker exec gw route add -net 10.170.0.0 netmask 255.255.0.0 gw 10.162.0.1
docker exec gw route add -net 10.170.0.0/16 gw 10.162.0.1
docker exec gw route add -net 10.170.0.0/16 gw nonsense
docker exec gw route add -net 10.1.2.3/16 gw 10.162.0.1
docker exec gw route add -host 10.1.2.3 netmask 255.255.0.0 gw 10.162.0.1
docker exec gw route add -net 10.1.0.0 netmask 255.0.255.0
docker exec gw route add -net 10.0.0.0/33
docker exec gw route add -net 10.2.0.0/16 metric x
docker exec gw route add -net 10.2.0.0/16 eth0
docker exec gw route del default
docker exec gw route add
docker exec gw route frob
docker exec gw route -x
docker exec gw ip route add 10.170.0.0/16 via 10.162.0.1
docker exec gw ip route show root 10.0.0.0/8
docker exec gw route -n
