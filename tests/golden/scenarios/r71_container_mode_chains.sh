#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# container: mode chains and edges: a guest of a guest, what guests refuse, the donor restarted, a guest of a host-mode container.
docker network create --subnet 10.71.0.0/24 chain
docker run -itd --name donor --network chain -p 8080:80 busybox
docker run -itd --name g1 --network container:donor busybox
docker run -itd --name g2 --network container:g1 busybox
docker exec g2 ip -4 a
docker exec g2 hostname
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}} [{{.NetworkSettings.IPAddress}}]' g1 g2
docker inspect g1 | grep -i -A3 networks
docker port g1
docker port donor
docker network connect chain g1
docker network connect bridge g2
docker network disconnect chain g1
docker run -itd --name e1 --network container:donor -p 9090:80 busybox
docker run -itd --name e2 --network container:donor -P web
docker run -itd --name e3 --network container:donor --dns 127.0.0.1 busybox
docker run -itd --name e4 --network container:donor --add-host foo:10.9.9.9 busybox
docker run -itd --name e5 --network container:donor --mac-address 02:42:0a:47:00:99 busybox
docker run -itd --name e6 --network container:donor --expose 80 busybox
docker run -itd --name e7 --network container:donor --hostname other busybox
docker run -itd --name e8 --network container:nosuch busybox
docker run -itd --name e9 --network host --link donor busybox
docker ps -a --format '{{.Names}} {{.Status}}'
docker restart -t 1 donor
docker exec g1 ip -4 a
docker exec donor ip -4 a
docker restart -t 1 g1
docker exec g1 ip -4 a
docker exec g2 ip -4 a
docker run -itd --name h1 --network host busybox
docker run -itd --name hg --network container:h1 busybox
docker exec hg ip -4 addr show docker0
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}}' hg
docker run -itd --name n1 --network none busybox
docker network connect bridge n1
docker network connect chain n1
docker rm -f donor
docker exec g1 ip -4 a
docker restart -t 1 g2
