#! dockerd --bip 10.98.0.1/16 --fixed-cidr 10.98.5.0/24
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --fixed-cidr: containers on the default bridge draw from a smaller range than the bridge's subnet.
docker network inspect bridge
ip addr show dev docker0
docker run -itd --name c1 busybox
docker run -itd --name c2 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}/{{.NetworkSettings.IPPrefixLen}} {{.NetworkSettings.Gateway}}' c1 c2
docker exec c1 ip a
docker exec c1 ip route
docker exec c1 ping -c 1 -W 1 10.98.0.1
docker exec c2 ping -c 1 -W 1 10.98.5.1
docker rm -f c1
docker run -itd --name c3 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' c3
docker network inspect bridge
iptables -t nat -S
ip route
