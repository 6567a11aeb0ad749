#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# network prune with label filters (label, label=k=v, label!=), until, stopped containers, container prune then network prune; each prune removes at most one network.
docker network create --label x n1
docker network create --label x=1 n2
docker network create --label y=2 n3
docker network create n4
docker network create --label x=2 n5
docker run -itd --name u2 --network n2 busybox
docker run -itd --name u4 --network n4 busybox
docker run -itd --name s5 --network n5 busybox
docker stop -t 0 s5
docker network ls
docker network prune -f --filter label=x=2
docker network prune -f --filter label=x
docker network ls
docker network prune -f --filter label!=x
docker network ls
docker network prune -f --filter until=1h
docker network prune -f --filter label=x=1
docker container prune -f
docker network prune -f
docker network ls
docker rm -f u4
docker network prune -f
docker network ls
docker network prune -f
docker network prune -f --filter label=nosuch
docker network prune -f --filter foo=bar
docker network prune -f --filter until=abc
docker container prune -f
docker network ls
