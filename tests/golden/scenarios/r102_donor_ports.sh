#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Published ports of a donor seen from its container: guests; docker port / ps / inspect before and after the donor stops.
docker run -itd --name donor -p 8080:80 busybox
docker run -itd --name guest --network container:donor busybox
docker port guest
docker port donor
docker port guest 80
docker ps --format 'table {{.Names}}\t{{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' guest
docker inspect -f '{{json .NetworkSettings.Ports}}' donor
docker inspect -f '{{json .HostConfig.PortBindings}}' guest
docker exec guest ip -4 addr show eth0
docker stop -t 1 donor
docker port donor
docker port guest
docker ps -a --format 'table {{.Names}}\t{{.Status}}\t{{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' donor
docker inspect -f '{{json .NetworkSettings.Ports}}' guest
docker exec guest ip -4 addr
docker start donor
docker port donor
docker port guest
docker restart -t 1 guest
docker port guest
docker exec guest ip -4 addr show eth0
docker run -itd --name w1 -P web
docker run -itd --name g2 --network container:w1 busybox
docker port g2
docker ps --filter publish=8080 --format '{{.Names}}'
docker ps --filter expose=443 --format '{{.Names}}'
iptables -t nat -S DOCKER
