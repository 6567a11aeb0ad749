#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Restart cycles on a user network with three containers and removals in between: which address each gets back.
docker network create --subnet 10.84.0.0/24 rn
docker run -itd --name ra --network rn busybox
docker run -itd --name rb --network rn busybox
docker run -itd --name rc --network rn busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' ra rb rc
docker restart -t 0 rb
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' ra rb rc
docker stop -t 0 ra rb
docker start rb ra
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' ra rb rc
docker rm -f rb
docker run -itd --name rd --network rn busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' ra rc rd
docker restart -t 0 ra rc rd
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' ra rc rd
docker stop -t 0 rc
docker run -itd --name re --network rn busybox
docker start rc
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' ra rc rd re
docker exec ra ping -c 1 rc
docker exec re nslookup ra
docker network inspect -f '{{len .Containers}}' rn
docker stop -t 0 ra rc rd re
docker network inspect -f '{{len .Containers}}' rn
docker start re rd rc ra
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' ra rc rd re
docker rm -f ra rd
docker restart -t 0 rc
docker run -itd --name rf --network rn busybox
docker run -itd --name rg --network rn busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' rc re rf rg
docker exec rg ping -c 1 re
