#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# gateway_mode_ipv6=routed on an IPv6 network, both families routed, and a container on a nat and a routed network: port bindings, ip6tables, what each address answers.
docker network create --ipv6 --subnet 10.50.0.0/24 --subnet fd00:50::/64 -o com.docker.network.bridge.gateway_mode_ipv6=routed r6
docker network create --ipv6 --subnet 10.51.0.0/24 --subnet fd00:51::/64 -o com.docker.network.bridge.gateway_mode_ipv4=routed -o com.docker.network.bridge.gateway_mode_ipv6=routed rboth
docker network create --ipv6 --subnet 10.52.0.0/24 --subnet fd00:52::/64 -o com.docker.network.bridge.gateway_mode_ipv6=nat-unprotected nu6
docker network create --subnet 10.53.0.0/24 plain
docker run -d --name w6 --network r6 -p 8080:80 busybox sleep 1000
docker run -d --name wb --network rboth -p 8085:80 busybox sleep 1000
docker run -d --name wu --network nu6 -p 8086:80 busybox sleep 1000
docker port w6
docker port wb
docker port wu
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect w6 --format '{{json .NetworkSettings.Ports}}'
docker inspect wb --format '{{json .NetworkSettings.Ports}}'
iptables -S DOCKER
iptables -S DOCKER-ISOLATION-STAGE-1
iptables -t nat -S
iptables -t raw -S
ip6tables -S DOCKER
ip6tables -S DOCKER-ISOLATION-STAGE-1
ip6tables -t nat -S
ip6tables -t raw -S
docker run -d --name both --network plain -p 8087:80 busybox sleep 1000
docker network connect rboth both
docker port both
docker inspect both --format '{{json .NetworkSettings.Ports}}'
docker stop -t 1 both
docker start both
docker port both
docker ps --format '{{.Names}} {{.Ports}}'
iptables -t nat -S DOCKER
docker exec wb ping -c 1 -W 1 10.50.0.2
docker exec w6 ping -c 1 -W 1 fd00:51::2
docker rm -f w6 wb wu both
ip6tables -S DOCKER
docker network rm r6 rboth nu6 plain
