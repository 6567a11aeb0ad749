#! dockerd --ip-masq=false
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A daemon with --ip-masq=false: no MASQUERADE for the default bridge; what user networks do.
docker network inspect -f '{{json .Options}}' bridge
iptables -t nat -S
docker network create --subnet 10.81.0.0/24 usr
docker network inspect -f '{{json .Options}}' usr
docker network create --subnet 10.82.0.0/24 -o com.docker.network.bridge.enable_ip_masquerade=true usr2
iptables -t nat -S
docker run -itd --name c1 -p 8080:80 busybox
docker run -itd --name u1 --network usr -p 8081:80 busybox
docker exec c1 ping -c 1 -W 1 172.17.0.1
docker exec c1 ping -c 1 -W 1 192.0.2.2
iptables -t nat -S
iptables -S
iptables-save -t nat
docker port c1
docker port u1
