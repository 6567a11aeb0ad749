#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# The bridge driver's gateway modes (com.docker.network.bridge.gateway_mode_ipv4): nat, routed, nat-unprotected, isolated; the words for a bad one, what each does to published ports and to iptables, and who can ping whom.
docker network create --subnet 10.41.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=nat gnat
docker network create --subnet 10.42.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=routed groute
docker network create --subnet 10.43.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected gnu
docker network create --subnet 10.44.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=isolated giso
docker network create --subnet 10.45.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=Routed gbad
docker network create --subnet 10.46.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv6=bogus gbad6
docker network create --subnet 10.46.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4= gempty
docker network create --internal --subnet 10.47.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=isolated giso2
docker network create --internal --subnet 10.48.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=routed gint
docker network ls --format '{{.Name}} {{.Driver}}'
docker network inspect groute --format '{{json .Options}}'
docker run -d --name rt1 --network groute -p 8081:80 -p 127.0.0.1:8082:82 busybox sleep 1000
docker run -d --name nu1 --network gnu -p 8083:80 busybox sleep 1000
docker run -d --name na1 --network gnat -p 8084:80 busybox sleep 1000
docker run -d --name is2 --network giso2 busybox sleep 1000
docker port rt1
docker port rt1 80
docker port nu1
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect rt1 --format '{{json .NetworkSettings.Ports}}'
docker inspect rt1 --format '{{json .HostConfig.PortBindings}}'
docker exec rt1 ip route
docker exec is2 ip route
docker exec rt1 ping -c 1 -W 1 10.42.0.1
docker exec na1 ping -c 1 -W 1 10.42.0.2
docker exec rt1 ping -c 1 -W 1 10.41.0.2
docker exec nu1 ping -c 1 -W 1 10.42.0.2
iptables -S
iptables -t nat -S
iptables -t raw -S
docker network connect groute na1
docker port na1
docker ps --format '{{.Names}} {{.Ports}}'
iptables -t nat -S DOCKER
docker run -d --name rt2 --network groute -p 9000-9001:90-91 busybox sleep 1000
docker port rt2
iptables -S DOCKER
docker rm -f rt1 nu1 na1 is2 rt2
iptables -S DOCKER
iptables -S DOCKER-ISOLATION-STAGE-1
docker network rm gnat groute gnu giso2 gint
iptables -S DOCKER
