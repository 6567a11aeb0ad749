#! dockerd --ipv6 --fixed-cidr-v6 fd00:1::/129
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --fixed-cidr-v6 with a prefix length over 128
docker network ls
docker run -itd --name c1 busybox
ip addr show dev docker0
