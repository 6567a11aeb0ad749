#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Published ports across stop, start and restart: fixed, ephemeral, -P, host IPs, ranges, conflicts.
docker run -itd --name p1 -p 8080:80 busybox
docker run -itd --name p2 -p 80 -p 443 busybox
docker run -itd --name p3 -P web:latest
docker run -itd --name p4 -p 127.0.0.1::80 -p 127.0.0.1:8090:90 busybox
docker run -itd --name p5 -p 9000-9002:9000-9002/udp busybox
docker run -itd --name p6 -p 7000-7001:80 busybox
docker run -itd --name p7 -p 7000-7001:80 busybox
docker run -itd --name p8 -p 7000-7001:80 busybox
docker port p1
docker port p2
docker port p3
docker port p4
docker port p5
docker port p6
docker port p7
docker port p3 443/tcp
docker port p3 8080
docker ps --format '{{.Names}} {{.Ports}}'
docker stop p2 p3
docker port p2
docker ps -a --format '{{.Names}} {{.Status}} {{.Ports}}'
iptables -t nat -S
docker start p2 p3
docker port p2
docker port p3
docker restart p1 p6
docker port p1
docker port p6
docker run -itd --name p9 -p 8080:80 busybox
docker stop p1
docker start p9
docker start p1
docker ps -a --format '{{.Names}} {{.Status}} {{.Ports}}'
docker run -itd --name p10 -p 8080 -p 65536:80 busybox
docker run -itd --name p11 -p 1.2.3:80:80 busybox
docker run -itd --name p12 -p 80:80/sctp -p 81:81/bogus busybox
docker inspect -f '{{json .HostConfig.PortBindings}}' p4
docker inspect -f '{{json .NetworkSettings.Ports}}' p4
iptables -t nat -S
iptables -S DOCKER
