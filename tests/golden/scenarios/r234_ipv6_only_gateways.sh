#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# A container on an IPv6-only network (--ipv4=false) and on IPv4-only or dual-stack ones: which network gives each family's default route, and where its published ports go.
docker network create --ipv4=false --ipv6 --subnet fd00:81::/64 v6only
docker network create --subnet 10.82.0.0/24 v4only
docker network create --ipv6 --subnet 10.83.0.0/24 --subnet fd00:83::/64 dual
docker run -d --name aa --network v6only busybox sleep 1000
docker network connect v4only aa
docker exec aa ip route
docker exec aa ip -6 route
docker network connect dual aa
docker exec aa ip route
docker exec aa ip -6 route
docker network disconnect v6only aa
docker exec aa ip -6 route
docker run -d --name bb --network v4only -p 8080:80 busybox sleep 1000
docker network connect v6only bb
docker port bb
docker exec bb ip -6 route
docker run -d --name cc --network v6only -p 8081:80 busybox sleep 1000
docker network connect v4only cc
docker port cc
docker exec cc ip route
docker exec cc ip -6 route
docker ps --format '{{.Names}} {{.Ports}}'
docker rm -f aa bb cc
docker network rm v6only v4only dual
