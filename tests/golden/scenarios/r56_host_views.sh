#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The host after a busy session: routes, bridges, iptables listings in every form, bridge ports.
docker network create --subnet 10.112.0.0/24 hv1
docker run -itd --name w1 -p 8080:80 busybox
docker run -itd --name w2 busybox
docker run -itd --name u1 --network hv1 -p 9000:9000/udp busybox
ip route
ip addr show type bridge
ip -4 addr show dev docker0
ifconfig docker0
ip link show master docker0
bridge link
brctl show docker0
iptables -L -n
iptables -t nat -L -n
iptables-save -t filter
iptables-save -t nat
iptables -S FORWARD
iptables -t nat -L DOCKER -n
iptables -L DOCKER -n
iptables -L DOCKER-USER -n
iptables -t nat -S POSTROUTING
docker network rm hv1
docker rm -f u1
docker network rm hv1
ip route
ip addr show type bridge
iptables -S
iptables -t nat -S
docker stop -t 1 w1 w2
ip link show master docker0
ip addr show dev docker0
iptables -t nat -S
