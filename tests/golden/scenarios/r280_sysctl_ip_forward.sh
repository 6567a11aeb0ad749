#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# The host's sysctls read and written with procps (sysctl -w, KEY=VALUE) and through /proc/sys: with ip_forward=0 a container on one bridge no longer reaches a port published by a container on another (the DNAT'd packet must be routed between bridges), while two containers on one bridge still talk (bridged, not routed); what dockerd does about it (28 turns it back on when it makes a network; a container's start does not); the value is put back at the end.
docker network create --subnet 10.77.0.0/24 lan
docker run -d --name web -p 8080:80 busybox httpd -f -p 80
docker run -d --name srv --network lan --ip 10.77.0.10 busybox httpd -f -p 80
docker run -itd --name cli --network lan --ip 10.77.0.20 busybox
sysctl net.ipv4.ip_forward
sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables
cat /proc/sys/net/ipv4/ip_forward
docker exec cli nc -w 2 192.0.2.2 8080
docker exec cli nc -w 2 10.77.0.10 80
sysctl -w net.ipv4.ip_forward=0
sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.eth0.forwarding
docker exec cli nc -w 2 192.0.2.2 8080
docker exec cli nc -w 2 10.77.0.10 80
docker exec cli cat /proc/sys/net/ipv4/ip_forward
docker run -itd --name late --network lan --ip 10.77.0.30 busybox
docker exec late cat /proc/sys/net/ipv4/ip_forward
sysctl net.ipv4.ip_forward
docker network create --subnet 10.78.0.0/24 lan2
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=0
docker run -itd --name late2 --network lan2 busybox
sysctl net.ipv4.ip_forward
docker network rm lan2
sysctl net.ipv4.ip_forward
docker exec cli nc -w 2 192.0.2.2 8080
sysctl net.ipv4.ip_forward=0
echo 1 > /proc/sys/net/ipv4/ip_forward
cat /proc/sys/net/ipv4/ip_forward
sysctl -w net.ipv4.nosuch=1
sysctl -w net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=abc
sysctl -n net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
docker exec cli nc -w 2 192.0.2.2 8080
iptables -P FORWARD ACCEPT
