#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Listing, filtering, pruning and removing macvlan networks; the same name twice; the parent's links afterwards.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.97.0.0/24 -o parent=lan0 -o macvlan_mode=bridge --label tier=lan m1
docker network create -d macvlan --subnet 10.97.1.0/24 -o parent=lan0p m2
docker network create -d macvlan --subnet 10.97.2.0/24 -o parent=lan0 m1
docker network ls --filter driver=macvlan --format '{{.Name}} {{.Driver}} {{.Scope}} {{.Labels}}'
docker network ls --filter label=tier=lan --format '{{.Name}}'
docker network inspect -f '{{index .Options "parent"}} {{index .Options "macvlan_mode"}} {{.Labels}}' m1 m2
docker run -itd --name u1 --network m1 busybox
docker network prune -f
docker network ls --filter driver=macvlan --format '{{.Name}}'
docker rm -f u1
docker network prune -f
docker network ls --filter driver=macvlan --format '{{.Name}}'
ip -o link show lan0
ip -d link show type macvlan
