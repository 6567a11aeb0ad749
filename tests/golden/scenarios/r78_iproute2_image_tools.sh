#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/bash TOOLS iproute2
# What non-ip programs print inside a 'TOOLS iproute2' image as the oracle builds it (setup-engine.sh copies iproute2's ip
# over the busybox binary, so every busybox applet there is iproute2's ip under another name; only ip and bash are real).
docker run -itd --name c1 centos
docker exec c1 ip -4 addr show eth0
docker exec c1 hostname
docker exec c1 hostname -i
docker exec c1 cat /etc/hosts
docker exec c1 cat /etc/resolv.conf
docker exec c1 ping -c 1 -W 1 172.17.0.1
docker exec c1 ifconfig
docker exec c1 route -n
docker exec c1 ls /
docker exec c1 bash -c 'echo $HOSTNAME'
docker exec c1 sh -c 'ip route'
docker exec c1 busybox
docker exec c1 ifconfig eth0
docker exec c1 netstat -rn
docker exec c1 nslookup c1
docker exec c1 arp -n
docker exec c1 traceroute 172.17.0.1
docker exec c1 bash -c 'read -r h < /etc/hostname; echo $h'
docker exec c1 ip -V
