#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The default bridge with user-network-only options: --network-alias, --ip, --link, connect --alias, connecting a user-network container to bridge.
docker network create --subnet 10.81.0.0/24 un
docker run -itd --name ba --network bridge --network-alias x busybox
docker inspect -f '{{.State.Status}}' ba
docker run -itd --name bb --network bridge --ip 172.17.0.50 busybox
docker inspect -f '{{.State.Status}}' bb
docker run -itd --name b1 busybox
docker run -itd --name b2 --network bridge --link b1:one busybox
docker exec b2 cat /etc/hosts
docker exec b2 ping -c 1 one
docker inspect -f '{{json .HostConfig.Links}}' b2
docker run -itd --name b3 busybox
docker network connect --alias a bridge b3
docker run -itd --name u1 --network un busybox
docker network connect --alias a bridge u1
docker network connect bridge u1
docker exec u1 ip route
docker exec u1 ip -4 addr show eth1
docker inspect -f '{{json .NetworkSettings.Networks}}' u1
docker inspect -f '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.Gateway}}' u1
docker exec u1 ping -c 1 172.17.0.1
docker exec u1 cat /etc/hosts
docker network disconnect bridge u1
docker exec u1 ip route
docker network connect --ip 172.17.0.60 bridge u1
docker network connect bridge b1
docker network disconnect bridge b3
docker network connect un b3
docker exec b3 ip route
docker inspect -f '{{json .NetworkSettings.Networks}}' b3
docker network connect bridge b3
docker exec b3 ip route
