#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker network create --ipv4=false: IPv6-only networks (an IPv4 subnet given anyway is dropped), their containers' addresses, routes, /etc/hosts, inspect and published ports; the flag's errors.
docker network create --ipv4=false v4off
docker network create --ipv4=false --ipv6 v6a
docker network create --ipv4=false --ipv6 --subnet fd00:61::/64 v6b
docker network create --ipv4=false --ipv6 --subnet 10.61.0.0/24 v6c
docker network create --ipv4=false --ipv6 --subnet 10.62.0.0/24 --subnet fd00:62::/64 v6d
docker network create --ipv4=true --ipv6 --subnet fd00:63::/64 v6e
docker network create --ipv4=foo v6f
docker network create --ipv4 false v6g
docker network ls --format '{{.Name}} {{.IPv4}} {{.IPv6}}'
docker network inspect v6b --format '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}'
docker network inspect v6a --format '{{.EnableIPv4}} {{.EnableIPv6}} {{json .IPAM.Config}}'
docker network inspect v6c --format '{{json .IPAM.Config}}'
docker network inspect v6d --format '{{json .IPAM.Config}}'
docker run -d --name six --network v6b busybox sleep 1000
docker exec six ip a
docker exec six ip route
docker exec six ip -6 route
docker exec six cat /etc/hosts
docker inspect six --format '{{json .NetworkSettings.Networks.v6b}}'
docker inspect six --format '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}|{{.NetworkSettings.GlobalIPv6Address}}'
docker run -d --name sixp --network v6b -p 8090:80 busybox sleep 1000
docker port sixp
docker ps --format '{{.Names}} {{.Ports}}'
docker exec six ping -c 1 -W 1 fd00:61::3
docker exec six ping -c 1 -W 1 sixp
docker run --rm --network v6b --ip 10.0.0.5 busybox true
docker run --rm --network v6b --ip6 fd00:61::99 busybox ip -6 addr show eth0
docker network connect bridge six
docker exec six ip -4 addr
docker exec six ip route
ip route
ip -6 route | grep fd00:6
iptables -t nat -S
ip6tables -t nat -S
iptables -S DOCKER
ip6tables -S DOCKER
docker inspect six sixp --format '{{.Name}} {{.NetworkSettings.Networks.v6b.IPAddress}}|{{.NetworkSettings.Networks.v6b.GlobalIPv6Address}}'
docker rm -f six sixp
docker network rm v6a v6b v6c v6d v6e
