#! dockerd --userland-proxy=false --ipv6 --fixed-cidr-v6 fd00:111::/64
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Published ports on the default bridge with --ipv6 --fixed-cidr-v6 and no userland proxy.
docker run -itd --name q1 -p 8080:80 busybox
docker run -itd --name q2 -p [::1]:8081:80 busybox
docker run -itd --name q3 -p 127.0.0.1:8082:80 busybox
docker port q1
docker port q2
docker port q3
docker port q1 80
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' q1
docker inspect -f '{{json .NetworkSettings.Ports}}' q2
docker inspect -f '{{json .NetworkSettings.Ports}}' q3
docker inspect -f '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.GlobalIPv6Address}} {{.NetworkSettings.IPv6Gateway}}' q1
docker exec q1 ip -6 route
iptables -t nat -S
iptables -S
docker run -itd --name q4 -p 8080:80 busybox
docker run -itd --name q5 -p 127.0.0.1:8081:80 busybox
docker port q5
docker stop -t 1 q1
docker port q1
docker ps -a --format '{{.Names}} {{.Ports}}'
iptables -t nat -S DOCKER
docker start q1
docker port q1
iptables -t nat -S POSTROUTING
