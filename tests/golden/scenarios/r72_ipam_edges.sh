#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# IPAM edges not in r22/r23/r53: --ip-range equal to the subnet, aux addresses inside a range, the gateway inside a range,
# a range at the end of the subnet, unaligned subnets and ranges, --ip against aux/gateway/network/broadcast addresses.
docker network create --subnet 10.72.0.0/24 --ip-range 10.72.0.0/24 same
docker network inspect same
docker run -itd --name s1 --network same busybox
docker inspect -f '{{.NetworkSettings.Networks.same.IPAddress}}' s1
docker network create --subnet 10.73.0.0/24 --ip-range 10.73.0.0/29 --aux-address a1=10.73.0.1 --aux-address a2=10.73.0.3 --gateway 10.73.0.2 auxr
docker network inspect auxr
docker run -itd --name a1 --network auxr busybox
docker run -itd --name a2 --network auxr busybox
docker run -itd --name a3 --network auxr busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.auxr.IPAddress}} gw={{.NetworkSettings.Networks.auxr.Gateway}}' a1 a2 a3
docker run -itd --name a4 --network auxr --ip 10.73.0.3 busybox
docker run -itd --name a5 --network auxr --ip 10.73.0.2 busybox
docker run -itd --name a6 --network auxr --ip 10.73.0.200 busybox
docker run -itd --name a7 --network auxr --ip 10.73.0.0 busybox
docker run -itd --name a8 --network auxr --ip 10.73.0.255 busybox
docker run -itd --name a9 --network auxr busybox
docker run -itd --name a10 --network auxr busybox
docker ps -a --format '{{.Names}} {{.Status}}'
docker network create --subnet 10.74.0.0/24 --gateway 10.74.0.2 --aux-address gw=10.74.0.2 auxgw
docker network create --subnet 10.81.0.0/24 --ip-range 10.81.0.252/30 tail
docker network inspect -f '{{json .IPAM}}' tail
docker run -itd --name t1 --network tail busybox
docker run -itd --name t2 --network tail busybox
docker run -itd --name t3 --network tail busybox
docker run -itd --name t4 --network tail busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.tail.IPAddress}} gw={{.NetworkSettings.Networks.tail.Gateway}}' t1 t2 t3
docker network create --subnet 10.75.0.5/24 unal
docker network inspect -f '{{json .IPAM.Config}}' unal
docker network create --subnet 10.76.0.0/24 --ip-range 10.76.0.17/28 unrng
docker network inspect -f '{{json .IPAM.Config}}' unrng
docker network create --subnet 10.77.0.0/24 --aux-address out=10.78.0.1 auxout
docker network create --gateway 10.79.0.1 nosub
docker network create --subnet 10.80.0.0/24 --ip-range 10.80.0.8/32 one
docker run -itd --name o1 --network one busybox
docker run -itd --name o2 --network one busybox
docker inspect -f '{{.NetworkSettings.Networks.one.IPAddress}}' o1
