#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Tiny subnets: /30, /31 and /32, and what containers get on them.
docker network create --subnet 10.24.0.0/30 p30
docker network inspect p30
docker run -itd --name s1 --network p30 busybox
docker run -itd --name s2 --network p30 busybox
docker inspect -f '{{.NetworkSettings.Networks.p30.IPAddress}}/{{.NetworkSettings.Networks.p30.IPPrefixLen}} via {{.NetworkSettings.Networks.p30.Gateway}}' s1
docker exec s1 ip a
docker network create --subnet 10.25.0.0/31 p31
docker network inspect p31
docker run -itd --name s3 --network p31 busybox
docker inspect -f '{{.NetworkSettings.Networks.p31.IPAddress}}/{{.NetworkSettings.Networks.p31.IPPrefixLen}} gw={{.NetworkSettings.Networks.p31.Gateway}}' s3
docker exec s3 ip route
docker run -itd --name s4 --network p31 --ip 10.25.0.1 busybox
docker run -itd --name s5 --network p31 --ip 10.25.0.0 busybox
docker network create --subnet 10.26.0.0/32 p32
docker network inspect p32
docker run -itd --name s6 --network p32 busybox
docker network create --subnet 10.27.0.0/29 --gateway 10.27.0.6 p29
docker run -itd --name s7 --network p29 busybox
docker run -itd --name s8 --network p29 busybox
docker run -itd --name s9 --network p29 busybox
docker run -itd --name s10 --network p29 busybox
docker run -itd --name s11 --network p29 busybox
docker run -itd --name s12 --network p29 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.p29.IPAddress}}' s7 s8 s9 s10 s11
docker network create --subnet 10.28.0.0/29 --ip-range 10.28.0.4/30 r29
docker run -itd --name s13 --network r29 busybox
docker run -itd --name s14 --network r29 busybox
docker run -itd --name s15 --network r29 busybox
docker run -itd --name s16 --network r29 busybox
docker run -itd --name s17 --network r29 --ip 10.28.0.2 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.r29.IPAddress}}' s13 s14 s15 s17
docker ps -a --format '{{.Names}} {{.Status}}'
docker network inspect -f '{{json .Containers}}' p30
