#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# The isolated gateway mode (internal networks only): no gateway address on the bridge or in IPAM, so the first container takes .1; isolated IPv6, and a routed IPv6-only network with a published port.
docker network create --internal --subnet 10.71.0.0/24 -o com.docker.network.bridge.gateway_mode_ipv4=isolated iso
docker network inspect iso --format '{{json .IPAM.Config}}'
ip -4 addr show type bridge | grep -c 10.71
ip route | grep -c 10.71
docker run -d --name i1 --network iso busybox sleep 1000
docker run -d --name i2 --network iso busybox sleep 1000
docker exec i1 ip -4 addr show eth0
docker exec i1 ip route
docker inspect i1 --format '{{json .NetworkSettings.Networks.iso}}'
docker exec i1 ping -c 1 -W 1 10.71.0.2
docker exec i1 ping -c 1 -W 1 i2
docker network create --internal --ipv6 --subnet 10.72.0.0/24 --subnet fd00:72::/64 -o com.docker.network.bridge.gateway_mode_ipv6=isolated iso6
docker network inspect iso6 --format '{{json .IPAM.Config}}'
docker run -d --name i3 --network iso6 busybox sleep 1000
docker exec i3 ip -6 addr show eth0 scope global
docker exec i3 ip route
docker exec i3 ip -6 route
docker network create --ipv4=false --ipv6 --subnet fd00:73::/64 -o com.docker.network.bridge.gateway_mode_ipv6=routed r6only
docker run -d --name r1 --network r6only -p 8080:80 busybox sleep 1000
docker port r1
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect r1 --format '{{json .NetworkSettings.Ports}}'
ip6tables -S DOCKER
ip6tables -t nat -S DOCKER
docker rm -f i1 i2 i3 r1
docker network rm iso iso6 r6only
