#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Traffic counters on a user network: ARP before the first packet between two neighbours (and not after), ping, TCP connect / refused, wget to httpd, nslookup through the embedded DNS (lo), each read with ifconfig before and after.
docker network create --subnet 10.88.0.0/24 -o com.docker.network.bridge.name=lab0 lab
docker network create --subnet 10.89.0.0/24 far
docker run -itd --name cli --network lab --ip 10.88.0.2 busybox
docker run -itd --name peer --network lab --ip 10.88.0.3 busybox
docker run -d --name web --network lab --ip 10.88.0.10 busybox httpd -f -p 80
docker run -itd --name far1 --network far --ip 10.89.0.5 busybox
sleep 15
docker exec cli ifconfig
docker exec peer ifconfig
docker exec web ifconfig
ip -s link show lab0
docker exec cli ip neigh
docker exec cli arp -a
ip neigh show dev lab0
docker exec cli ping -c 1 10.88.0.3
docker exec cli ifconfig
docker exec peer ifconfig
docker exec web ifconfig
ip -s link show lab0
docker exec cli ip neigh
docker exec peer ip neigh
docker exec cli arp -a
docker exec peer arp -a
docker exec cli ping -c 2 10.88.0.3
docker exec cli ifconfig
docker exec peer ifconfig
docker exec cli nc -w 1 10.88.0.10 80
docker exec cli ifconfig
docker exec web ifconfig
docker exec web ip neigh
docker exec cli nc -w 1 10.88.0.10 81
docker exec cli ifconfig
docker exec web ifconfig
docker exec cli wget -O - http://10.88.0.10/
docker exec cli ifconfig
docker exec web ifconfig
docker exec cli wget -q -O - http://web/
docker exec cli ifconfig
docker exec cli nslookup peer
docker exec cli ifconfig
docker exec cli nslookup web.lab
docker exec cli ifconfig
docker exec cli nslookup nosuch
docker exec cli ifconfig
docker exec cli nslookup example.com
docker exec cli ifconfig
docker exec cli ping -c 1 10.88.0.1
docker exec cli ifconfig
ip -s link show lab0
ip neigh show dev lab0
sleep 6
docker exec cli ifconfig
ip -s link show lab0
docker exec cli nslookup example.com 10.89.0.5
docker exec cli ifconfig
ip -s link show lab0
