#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# 28: which endpoint gives the default route when gw-priority and an IPv6 network disagree (the
# interface names of a multi-network run follow Go map order: only the gateway is printed).
docker network create --ipv6 --subnet 10.162.1.0/24 --subnet fd00:162::/64 v6x
docker network create --subnet 10.162.2.0/24 plainx
docker network create --subnet 10.162.3.0/24 aaa
docker network create --subnet 10.162.4.0/24 zz
docker run -d --name g1 --network name=plainx,gw-priority=10 --network v6x busybox sleep 1000
docker exec g1 sh -c 'ip route | grep ^default | cut -d" " -f1-3'
docker run -d --name g2 --network aaa --network name=zz,gw-priority=10 busybox sleep 1000
docker exec g2 sh -c 'ip route | grep ^default | cut -d" " -f1-3'
docker run -d --name g3 --network name=plainx,gw-priority=10 --network name=v6x,gw-priority=5 busybox sleep 1000
docker exec g3 sh -c 'ip route | grep ^default | cut -d" " -f1-3'
docker run -d --name g4 --network name=plainx,gw-priority=-10 --network v6x busybox sleep 1000
docker exec g4 sh -c 'ip route | grep ^default | cut -d" " -f1-3'
docker run -d --name g5 --network v6x --network plainx busybox sleep 1000
docker exec g5 sh -c 'ip route | grep ^default | cut -d" " -f1-3'
docker run -d --name g6 --network plainx busybox sleep 1000
docker network connect --gw-priority 10 v6x g6
docker exec g6 sh -c 'ip route | grep ^default | cut -d" " -f1-3'
docker network connect --gw-priority 20 aaa g6
docker exec g6 sh -c 'ip route | grep ^default | cut -d" " -f1-3'
