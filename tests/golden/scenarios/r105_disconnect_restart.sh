#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Disconnect the network a container was started with, restart, reconnect, restart again; the same on the default bridge.
docker network create --subnet 10.106.0.0/24 orig
docker network create --subnet 10.107.0.0/24 extra
docker run -itd --name dc --network orig busybox
docker network connect extra dc
docker network disconnect orig dc
docker exec dc ip -4 addr
docker restart -t 1 dc
docker exec dc ip a
docker exec dc ip route
docker inspect -f '{{json .NetworkSettings.Networks}}' dc
docker inspect -f '{{.HostConfig.NetworkMode}} {{.NetworkSettings.IPAddress}} {{.NetworkSettings.Gateway}}' dc
docker network connect orig dc
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' dc
docker exec dc ip -4 addr show eth1
docker restart -t 1 dc
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' dc
docker exec dc ping -c 1 -W 1 10.106.0.1
docker run -itd --name bc busybox
docker network disconnect bridge bc
docker restart -t 1 bc
docker exec bc ip a
docker exec bc ip route
docker inspect -f '{{json .NetworkSettings.Networks}} {{.HostConfig.NetworkMode}}' bc
docker network connect bridge bc
docker restart -t 1 bc
docker exec bc ip -4 addr show eth0
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' bc
