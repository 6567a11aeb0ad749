#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Inter-container communication off, internal networks, and pings within, across and out of networks.
docker network create --subnet 10.30.0.0/24 -o com.docker.network.bridge.enable_icc=false noicc
docker network create --subnet 10.31.0.0/24 --internal inner
docker network create --subnet 10.32.0.0/24 open
docker network inspect noicc
docker network inspect inner
docker run -itd --name ia --network noicc busybox
docker run -itd --name ib --network noicc busybox
docker run -itd --name ta --network inner busybox
docker run -itd --name tb --network inner busybox
docker run -itd --name oa --network open busybox
docker run -itd --name ob --network open busybox
docker exec ia ping -c 1 -W 1 10.30.0.3
docker exec ia ping -c 1 -W 1 10.30.0.1
docker exec ia ping -c 1 -W 1 192.0.2.2
docker exec oa ping -c 1 -W 1 10.32.0.3
docker exec oa ping -c 1 -W 1 ob
docker exec oa ping -c 1 -W 1 10.30.0.2
docker exec oa ping -c 1 -W 1 10.30.0.1
docker exec ta ping -c 1 -W 1 10.31.0.3
docker exec ta ping -c 1 -W 1 tb
docker exec ta ping -c 1 -W 1 10.31.0.1
docker exec ta ping -c 1 -W 1 192.0.2.2
docker exec ta ping -c 1 -W 1 10.32.0.2
docker exec ta ip route
docker exec ia ip route
docker network connect open ia
docker exec ia ping -c 1 -W 1 10.32.0.2
docker exec ob ping -c 1 -W 1 ia
iptables -S
iptables -t nat -S
iptables-save
ip -br link show type bridge
ip -br addr show type bridge
ip route
