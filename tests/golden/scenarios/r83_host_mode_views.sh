#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Host-mode containers: hostname, /etc files, host interfaces and routes from inside, -p warning, docker port, SandboxKey, host network's Containers.
docker run -itd --name h1 --network host busybox
docker exec h1 hostname
docker exec h1 cat /etc/hosts
docker exec h1 cat /etc/resolv.conf
docker exec h1 ip -4 addr show docker0
docker exec h1 ip route
docker network inspect host -f '{{json .Containers}}'
docker network inspect -f '{{len .Containers}}' host
docker port h1
docker inspect -f '{{.NetworkSettings.SandboxKey}}' h1
docker inspect -f '{{json .NetworkSettings.Networks}}' h1
docker inspect -f '{{.HostConfig.NetworkMode}} {{.NetworkSettings.IPAddress}}' h1
docker run -itd --name h2 --network host -p 8080:80 busybox
docker port h2
docker inspect -f '{{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' h2
docker run -itd --name b1 -p 8081:80 busybox
docker exec h1 ping -c 1 -W 1 172.17.0.2
docker exec h1 ip route get 172.17.0.2
docker network connect bridge h1
docker network disconnect host h1
docker run -itd --name h3 --network host --hostname other busybox
docker exec h3 hostname
docker network create --subnet 10.83.0.0/24 hn
docker exec h1 ip -4 addr show type bridge
docker stop -t 0 h1
docker start h1
docker exec h1 hostname
docker inspect -f '{{.NetworkSettings.SandboxKey}}' h1
docker run --rm --network host busybox hostname
docker ps --format 'table {{.Names}}\t{{.Networks}}\t{{.Ports}}'
