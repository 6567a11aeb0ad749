#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Restart cycles on the default bridge with a --link: addresses after stop/start in another order, the link's /etc/hosts entry after the target moves, restart after the target is removed.
docker run -itd --name ba busybox
docker run -itd --name bb busybox
docker run -itd --name bc --link ba:alpha busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' ba bb bc
docker exec bc cat /etc/hosts
docker stop -t 0 ba bb
docker start bb ba
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' ba bb bc
docker exec bc cat /etc/hosts
docker exec bc ping -c 1 -W 1 alpha
docker restart -t 0 bc
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' ba bb bc
docker exec bc cat /etc/hosts
docker exec bc ping -c 1 -W 1 alpha
docker rm -f bb
docker run -itd --name bd busybox
docker stop -t 0 ba
docker run -itd --name be busybox
docker start ba
docker inspect -f '{{.Name}} {{.NetworkSettings.IPAddress}}' ba bc bd be
docker exec bc cat /etc/hosts
docker exec bc ping -c 1 -W 1 alpha
docker inspect -f '{{json .HostConfig.Links}}' bc
docker stop -t 0 ba
docker restart -t 0 bc
docker inspect -f '{{.State.Status}} {{.NetworkSettings.IPAddress}}' bc
docker start ba
docker restart -t 0 bc
docker exec bc cat /etc/hosts
docker rm -f ba
docker restart -t 0 bc
docker inspect -f '{{.State.Status}} {{json .HostConfig.Links}}' bc
docker ps -a --format '{{.Names}} {{.State}} {{.Networks}}'
