#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# --ipv4=false with the macvlan driver: an IPv6-only macvlan network, its container's addresses and routes; refused without --ipv6; the bridge driver's gateway mode option given to macvlan.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --ipv4=false --ipv6 --subnet fd00:91::/64 -o parent=lan0 mv6
docker network create -d macvlan --ipv4=false -o parent=lan0p mvoff
docker network inspect mv6 --format '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}'
docker network ls --filter driver=macvlan --format '{{.Name}} {{.IPv4}} {{.IPv6}}'
docker run -d --name m1 --network mv6 busybox sleep 1000
docker exec m1 ip -6 addr show eth0 scope global
docker exec m1 ip -4 addr show eth0
docker exec m1 ip route
docker exec m1 ip -6 route
docker exec m1 cat /etc/hosts
docker inspect m1 --format '{{json .NetworkSettings.Networks.mv6}}'
docker run -d --name m2 --network mv6 -p 8080:80 busybox sleep 1000
docker port m2
docker exec m1 ping -c 1 -W 1 fd00:91::3
docker rm -f m1 m2
docker network rm mv6
docker network create -d macvlan --subnet 10.93.0.0/24 -o parent=lan0 -o com.docker.network.bridge.gateway_mode_ipv4=routed mvr
docker network inspect mvr --format '{{json .Options}}'
docker network rm mvr
