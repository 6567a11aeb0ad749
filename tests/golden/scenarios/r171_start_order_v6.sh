#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Which network becomes eth0 when one of them has IPv6, or the container a fixed MAC.
docker network create --ipv6 --subnet 10.161.1.0/24 --subnet fd00:161::/64 v6x
docker network create --subnet 10.161.2.0/24 plainx
docker create --name d1 --network v6x busybox sleep 1000
docker network connect plainx d1
docker start d1
docker exec d1 ip route
docker create --name d2 --network v6x --mac-address 02:42:0a:00:00:99 busybox sleep 1000
docker network connect plainx d2
docker start d2
docker exec d2 ip route
docker network create --subnet 10.161.3.0/24 zz
docker create --name d3 --network zz --mac-address 02:42:0a:00:00:98 busybox sleep 1000
docker network connect plainx d3
docker start d3
docker exec d3 ip route
docker create --name d4 --network v6x --ip6 fd00:161::10 busybox sleep 1000
docker network connect plainx d4
docker start d4
docker exec d4 ip route
docker create --name d5 --network plainx busybox sleep 1000
docker network connect v6x d5
docker start d5
docker exec d5 ip route
docker run -d --name d6 --network plainx busybox sleep 1000
docker network connect v6x d6
docker exec d6 ip route
docker restart -t 1 d6
docker exec d6 ip route
