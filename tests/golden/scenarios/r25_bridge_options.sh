#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Bridge driver options: custom bridge name, MTU, no masquerade; what the host sees.
docker network create --subnet 10.33.0.0/24 -o com.docker.network.bridge.name=mybr0 named
docker network create --subnet 10.34.0.0/24 -o com.docker.network.driver.mtu=1400 smallmtu
docker network create --subnet 10.35.0.0/24 -o com.docker.network.bridge.enable_ip_masquerade=false nomasq
docker network create --subnet 10.36.0.0/24 -o com.docker.network.bridge.name=mybr0 dupname
docker network create --subnet 10.37.0.0/24 -o com.docker.network.driver.mtu=abc badmtu
docker network create --subnet 10.38.0.0/24 -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 localpub
docker network inspect named
docker network inspect -f '{{json .Options}}' smallmtu
docker network inspect -f '{{json .Options}}' nomasq
brctl show
ip addr show dev mybr0
ip link show dev mybr0
ifconfig mybr0
docker run -itd --name na --network named busybox
docker run -itd --name nb --network named busybox
docker run -itd --name ma --network smallmtu busybox
docker run -itd --name qa --network nomasq busybox
docker run -itd --name la --network localpub -p 8080:80 busybox
docker port la
docker exec na ping -c 1 -W 1 10.33.0.3
docker exec na ping -c 1 -W 1 10.33.0.1
docker exec ma ip a
docker exec ma ip link
docker exec qa ip route
docker exec qa ping -c 1 -W 1 192.0.2.2
brctl show
ip addr show dev mybr0
ip -br link show type bridge
iptables -t nat -S
iptables -S
iptables-save -t nat
docker rm -f nb
docker network rm named
docker rm -f na
docker network rm named
ip addr show dev mybr0
brctl show
