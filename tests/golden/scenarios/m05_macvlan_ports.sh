#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Publishing ports on a macvlan network: what each engine accepts, shows and programs (no NAT on macvlan).
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.80.0.0/24 -o parent=lan0 mv
docker run -itd --name p1 --network mv -p 8080:80 busybox
docker port p1
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}} {{json .HostConfig.PortBindings}}' p1
docker run -itd --name p2 --network mv -P web
docker port p2
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' p2
iptables -t nat -S DOCKER
iptables -S FORWARD
docker run -itd --name p3 --network mv -p 8080:80 busybox
docker ps -a --format '{{.Names}} {{.Ports}}'
docker network connect bridge p1
docker port p1
docker inspect -f '{{json .NetworkSettings.Ports}}' p1
iptables -t nat -S DOCKER
docker rm -f p1 p2 p3
docker network rm mv
