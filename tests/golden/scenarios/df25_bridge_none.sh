#! dockerd --bridge none
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --bridge none: no default bridge network
docker network ls
ip addr show dev docker0
docker run -itd --name c1 busybox
docker run -itd --name c2 --network host busybox
docker network create n1
docker run -itd --name c3 --network n1 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' c3
