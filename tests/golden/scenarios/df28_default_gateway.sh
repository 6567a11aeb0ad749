#! dockerd --default-gateway 172.17.0.254
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --default-gateway inside the bridge's subnet
docker network ls
docker network inspect bridge
ip addr show dev docker0
docker run -itd --name c1 busybox
docker inspect -f '{{.NetworkSettings.IPAddress}}/{{.NetworkSettings.IPPrefixLen}} {{.NetworkSettings.Gateway}}' c1
docker exec c1 ip route
