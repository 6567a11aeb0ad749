#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# The parent disappears under running macvlan containers: their interface goes with it; stop/start and a new container afterwards; the parent back.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.95.0.0/24 -o parent=lan0 mv
docker run -itd --name g1 --network mv busybox
docker run -itd --name g2 --network mv busybox
ip link del lan0
docker exec g1 ip a
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' g1
docker network inspect -f '{{len .Containers}}' mv
docker stop -t 1 g1
docker start g1
docker run -itd --name g3 --network mv busybox
docker network create -d macvlan --subnet 10.96.0.0/24 -o parent=lan0 mv2
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker start g1
docker exec g1 ip -4 a
docker exec g1 ping -c 1 -W 1 10.95.0.3
docker restart -t 1 g2
docker exec g2 ip a
docker inspect -f "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.MacAddress}}{{end}}" g2
docker exec g2 ping -c 1 -W 1 10.95.0.2
docker exec g1 ping -c 1 -W 1 10.95.0.3
docker rm -f g1 g2 g3
docker network rm mv
