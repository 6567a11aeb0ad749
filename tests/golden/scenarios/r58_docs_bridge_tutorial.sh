#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Docker's own "networking with standalone containers" tutorial, as typed (busybox plays alpine, docker exec replaces attach).
docker network ls
docker run -dit --name alpine1 busybox ash
docker run -dit --name alpine2 busybox ash
docker container ls
docker exec alpine1 ip addr show
docker exec alpine1 ping -c 2 172.17.0.3
docker exec alpine1 ping -c 2 alpine2
docker container stop alpine1 alpine2
docker container rm alpine1 alpine2
docker network create --driver bridge alpine-net
docker network ls
docker network inspect alpine-net
docker run -dit --name alpine1 --network alpine-net busybox ash
docker run -dit --name alpine2 --network alpine-net busybox ash
docker run -dit --name alpine3 busybox ash
docker run -dit --name alpine4 --network alpine-net busybox ash
docker network connect bridge alpine4
docker container ls
docker network inspect bridge
docker network inspect alpine-net
docker exec alpine1 ping -c 2 alpine2
docker exec alpine1 ping -c 2 alpine4
docker exec alpine1 ping -c 2 alpine1
docker exec alpine1 ping -c 2 alpine3
docker exec alpine1 ping -c 2 -W 1 172.17.0.2
docker exec alpine4 ping -c 2 alpine1
docker exec alpine4 ping -c 2 alpine3
docker exec alpine4 ping -c 2 172.17.0.2
docker exec alpine4 ip addr show
docker container inspect -f '{{json .NetworkSettings.Networks}}' alpine4
docker container stop alpine1 alpine2 alpine3 alpine4
docker container rm alpine1 alpine2 alpine3 alpine4
docker network rm alpine-net
docker network ls
