#! dockerd --default-address-pool base=10.10.0.0/16,size=8
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --default-address-pool whose size is shorter than its base
docker network ls
docker run -itd --name c1 busybox
ip addr show dev docker0
docker network create n1
