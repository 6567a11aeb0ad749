#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# One container joins four user networks while running (ip a after each), leaves the second, joins a fifth, restarts.
docker network create --subnet 10.112.1.0/24 n1
docker network create --subnet 10.112.2.0/24 n2
docker network create --subnet 10.112.3.0/24 n3
docker network create --subnet 10.112.4.0/24 n4
docker network create --subnet 10.112.5.0/24 n5
docker run -itd --name mc --network n1 busybox
docker exec mc ip a
docker network connect n2 mc
docker exec mc ip a
docker network connect n3 mc
docker exec mc ip a
docker network connect n4 mc
docker exec mc ip a
docker exec mc ip route
docker network disconnect n2 mc
docker network connect n5 mc
docker exec mc ip a
docker exec mc ip route
docker inspect -f '{{len .NetworkSettings.Networks}} {{.NetworkSettings.IPAddress}} {{.HostConfig.NetworkMode}}' mc
docker restart -t 1 mc
docker inspect -f '{{.NetworkSettings.Networks.n1.IPAddress}}' mc
docker inspect -f '{{.NetworkSettings.Networks.n2}}' mc
docker inspect -f '{{.NetworkSettings.Networks.n3.IPAddress}}' mc
docker inspect -f '{{.NetworkSettings.Networks.n4.IPAddress}}' mc
docker inspect -f '{{.NetworkSettings.Networks.n5.IPAddress}}' mc
docker exec mc ping -c 1 -W 1 10.112.5.1
docker network inspect -f '{{.Name}} {{len .Containers}}' n1 n2 n3 n4 n5
