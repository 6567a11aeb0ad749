#! dockerd --dns 127.0.0.1 --dns-search corp.test
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# DNS options end to end: per-container --dns/--dns-search/--dns-option on the default bridge, a user network and host mode, on a daemon with --dns and --dns-search; nslookup forms (explicit server, name.network, short ID, upper case).
docker network create --subnet 10.80.0.0/24 mynet
docker run -itd --name d1 --dns 10.0.0.53 --dns-search example.test --dns-option ndots:3 busybox
docker exec d1 cat /etc/resolv.conf
docker run -itd --name d2 --network mynet --dns 10.0.0.53 --dns-search example.test --dns-option ndots:3 busybox
docker exec d2 cat /etc/resolv.conf
docker inspect -f '{{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}}' d2
docker run -itd --name d3 busybox
docker exec d3 cat /etc/resolv.conf
docker run -itd --name d4 --dns-option ndots:3 busybox
docker exec d4 cat /etc/resolv.conf
docker run -itd --name web --network mynet web
docker exec web cat /etc/resolv.conf
docker run -itd --name d5 --network mynet --dns-search example.test busybox
docker exec d5 cat /etc/resolv.conf
docker run -itd --name hh --network host busybox
docker exec hh cat /etc/resolv.conf
docker exec hh cat /etc/hosts
docker run -itd --name hd --network host --dns 10.0.0.53 --dns-search example.test busybox
docker exec hd cat /etc/resolv.conf
docker inspect -f '{{json .HostConfig.Dns}}' hh
docker run -itd --name cl --network mynet busybox
docker exec cl nslookup web 127.0.0.11
docker exec cl nslookup web.mynet
docker exec cl nslookup WEB
docker exec cl nslookup Web.MyNet
docker exec web sh -c 'nslookup $(hostname)'
docker exec cl nslookup d2.mynet
docker exec cl nslookup d1 127.0.0.11
docker exec d1 cat /etc/hosts
