#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Traffic counters on the default bridge: ARP with the host (docker0), the host's neighbour table, a resolver in resolv.conf that nothing serves (the host's docker0 address: ICMP port unreachable), and one the query never reaches an answer from.
docker run -itd --name d1 busybox
docker run -itd --name d2 busybox
docker run -itd --name d3 --dns 172.17.0.1 busybox
sleep 15
docker exec d1 ifconfig eth0
docker exec d3 ifconfig eth0
ip -s link show docker0
ip neigh show dev docker0
docker exec d1 ping -c 1 172.17.0.1
docker exec d1 ifconfig eth0
ip -s link show docker0
ip neigh show dev docker0
docker exec d1 ip neigh
docker exec d1 ping -c 1 172.17.0.3
docker exec d1 ifconfig eth0
docker exec d2 ifconfig eth0
ip -s link show docker0
docker exec d3 cat /etc/resolv.conf
docker exec d3 nslookup example.com
docker exec d3 ifconfig
ip -s link show docker0
docker exec d3 nslookup d1
docker exec d3 ifconfig
sleep 6
docker exec d1 ifconfig eth0
ip -s link show docker0
docker exec d1 nslookup example.com 172.17.0.9
docker exec d1 ifconfig eth0
ip -s link show docker0
docker exec d1 ip neigh show to 172.17.0.9
