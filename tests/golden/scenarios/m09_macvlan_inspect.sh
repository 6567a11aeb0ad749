#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Inspecting a macvlan network and its container: network inspect with a container, container networking fields, disconnect/connect, rm while stopped.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.86.0.0/24 --gateway 10.86.0.1 --aux-address nas=10.86.0.10 -o parent=lan0 -o macvlan_mode=bridge mv
docker run -itd --name i1 --network mv --ip 10.86.0.20 --network-alias web busybox
docker network inspect mv
docker inspect -f '{{json .NetworkSettings.Networks.mv.IPAMConfig}} {{json .NetworkSettings.Networks.mv.Aliases}} {{.NetworkSettings.Networks.mv.Gateway}} {{.NetworkSettings.Networks.mv.IPPrefixLen}}' i1
docker inspect -f '{{json .HostConfig.NetworkMode}} {{json .NetworkSettings.Ports}} {{.NetworkSettings.IPAddress}}' i1
docker network disconnect mv i1
docker exec i1 ip a
docker network connect mv i1
docker exec i1 ip -4 a
docker stop -t 1 i1
docker network rm mv
docker network disconnect mv i1
docker network rm mv
docker start i1
docker exec i1 ip -4 a
docker network ls --format '{{.Name}} {{.Driver}}'
