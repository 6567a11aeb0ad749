#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Which network becomes eth0 (ip route names the device of each network) when a created container
# joins several networks before it starts.
docker network create --subnet 10.160.1.0/24 zeta
docker network create --subnet 10.160.2.0/24 alpha
docker network create --subnet 10.160.3.0/24 mid
docker network create --internal --subnet 10.160.4.0/24 aint
docker create --name c1 --network zeta busybox sleep 1000
docker network connect alpha c1
docker network connect mid c1
docker start c1
docker exec c1 ip route
docker create --name c2 --network zeta busybox sleep 1000
docker network connect mid c2
docker network connect alpha c2
docker start c2
docker exec c2 ip route
docker create --name c3 --network aint busybox sleep 1000
docker network connect zeta c3
docker start c3
docker exec c3 ip route
docker create --name c4 busybox sleep 1000
docker network connect zeta c4
docker network connect alpha c4
docker start c4
docker exec c4 ip route
docker create --name c5 --network mid busybox sleep 1000
docker network connect alpha c5
docker start c5
docker exec c5 ip route
docker restart -t 1 c1
docker exec c1 ip route
docker stop -t 1 c2
docker start c2
docker exec c2 ip route
