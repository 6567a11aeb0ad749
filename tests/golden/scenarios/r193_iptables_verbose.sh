#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# iptables' verbose listings (-v, -x, --line-numbers, -n or not) of Docker's chains in every table, with a published port and traffic between two containers: the counters' columns and the in/out columns.
docker network create --subnet 10.80.0.0/24 lan
docker run -itd --name web --network lan -p 8080:80 busybox
docker run -itd --name cli --network lan busybox
docker exec cli ping -c 1 -W 2 web
iptables -L -v -n
iptables -v -L
iptables -t nat -L -v -n
iptables -t nat -v -L
iptables -nvL FORWARD
iptables -vnL DOCKER --line-numbers
iptables -L DOCKER -v -n -x
iptables -t nat -vnxL POSTROUTING
iptables -t raw -L -v -n
iptables -t mangle -L -v -n
iptables -L DOCKER-USER -v -n
iptables -L INPUT -v
iptables -S -v
iptables -t nat -S DOCKER -v
iptables -L -v -n | grep -c Chain
iptables -L FORWARD -v -n --line-numbers
