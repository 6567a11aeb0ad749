#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A /30 range in a /8 until full; a /24 range at the top of a /16 (its last address is the subnet broadcast) with the gateway at the bottom; --ip inside/outside the range.
docker network create --subnet 10.0.0.0/8 --ip-range 10.255.255.252/30 big
docker network inspect -f '{{json .IPAM.Config}}' big
docker run -itd --name b1 --network big busybox
docker run -itd --name b2 --network big busybox
docker run -itd --name b3 --network big busybox
docker run -itd --name b4 --network big busybox
docker inspect -f '{{.Name}} {{.State.Status}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Gateway}}{{end}}' b1 b2 b3
docker run -itd --name b5 --network big --ip 10.255.255.255 busybox
docker run -itd --name b6 --network big --ip 10.1.2.3 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}/{{.IPPrefixLen}}{{end}}' b6
docker network create --subnet 10.5.0.0/16 --ip-range 10.5.255.0/24 --gateway 10.5.0.1 top
docker rm -f b1 b2 b3 b4 b5 b6
docker network rm big
docker network create --subnet 10.5.0.0/16 --ip-range 10.5.255.0/24 --gateway 10.5.0.1 top
docker run -itd --name t1 --network top busybox
docker run -itd --name t2 --network top busybox
docker run -itd --name t3 --network top --ip 10.5.255.255 busybox
docker run -itd --name t4 --network top --ip 10.5.0.1 busybox
docker run -itd --name t5 --network top --ip 10.5.255.254 busybox
docker run -itd --name t6 --network top --ip 10.5.254.255 busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Gateway}}{{end}}' t1 t2 t3 t5 t6
docker exec t5 ip -4 addr show eth0
docker exec t5 ip route
docker exec t5 ping -c 1 -W 1 10.5.0.1
docker exec t5 ping -c 1 -W 1 10.5.255.0
docker network inspect top
ip -4 addr show type bridge
