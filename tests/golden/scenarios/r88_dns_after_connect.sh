#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# resolv.conf and name resolution when a default-bridge container with its own --dns joins a user network (and leaves bridge, and restarts), and when a user-network container joins bridge and leaves its network.
docker network create --subnet 10.88.0.0/24 un
docker run -itd --name web --network un web
docker run -itd --name bx --dns 127.0.0.2 --dns-search example.test --dns-option ndots:2 busybox
docker exec bx cat /etc/resolv.conf
docker network connect un bx
docker exec bx cat /etc/resolv.conf
docker exec bx nslookup web 127.0.0.11
docker exec bx ping -c 1 -W 1 web
docker network disconnect bridge bx
docker exec bx cat /etc/resolv.conf
docker restart -t 0 bx
docker exec bx cat /etc/resolv.conf
docker exec bx ping -c 1 -W 1 web
docker run -itd --name by busybox
docker network connect un by
docker exec by cat /etc/resolv.conf
docker exec by ping -c 1 -W 1 web
docker restart -t 0 by
docker exec by cat /etc/resolv.conf
docker exec by ping -c 1 -W 1 web
docker run -itd --name bz --network none --dns 127.0.0.3 busybox
docker exec bz cat /etc/resolv.conf
docker network connect un bz
docker run -itd --name uu --network un --dns 127.0.0.4 busybox
docker network connect bridge uu
docker exec uu cat /etc/resolv.conf
docker network disconnect un uu
docker exec uu cat /etc/resolv.conf
docker exec uu ping -c 1 -W 1 web
docker restart -t 0 uu
docker exec uu cat /etc/resolv.conf
docker inspect -f '{{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}}' uu bx
