#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# One container on a bridge network and a macvlan network at once: interfaces, default route, connect/disconnect, pings on each side.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.81.0.0/24 --gateway 10.81.0.1 -o parent=lan0 mv
docker network create --subnet 10.82.0.0/24 br
docker run -itd --name m1 --network mv busybox
docker run -itd --name m2 --network br busybox
docker network connect br m1
docker network connect mv m2
docker exec m1 ip a
docker exec m1 ip route
docker exec m2 ip route
docker exec m1 ping -c 1 -W 1 10.82.0.2
docker exec m2 ping -c 1 -W 1 10.81.0.2
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' m1 m2
docker network disconnect mv m1
docker exec m1 ip route
docker network connect --ip 10.81.0.99 mv m1
docker exec m1 ip -4 addr show
docker exec m2 ping -c 1 -W 1 10.81.0.99
docker network disconnect br m2
docker exec m2 ip route
docker run -itd --name m4 busybox
docker network connect mv m4
docker exec m4 ip route
docker rm -f m1 m2
docker network rm mv
docker rm -f m4
docker network rm mv br
