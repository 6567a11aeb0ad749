#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Hostnames, domain names, extra hosts, DNS options: /etc/hosts, /etc/hostname and /etc/resolv.conf in every network mode.
docker network create --subnet 10.42.0.0/24 usr
docker run -itd --name hb busybox
docker exec hb cat /etc/hosts
docker exec hb hostname
docker exec hb hostname -i
docker run -itd --name hu --network usr --hostname myhost --domainname example.test busybox
docker exec hu cat /etc/hosts
docker exec hu hostname
docker exec hu cat /etc/hostname
docker exec hu hostname -i
docker inspect -f '{{.Config.Hostname}} {{.Config.Domainname}}' hu
docker run -itd --name hx --add-host alpha:1.2.3.4 --add-host alpha:5.6.7.8 --add-host host.docker.internal:host-gateway busybox
docker exec hx cat /etc/hosts
docker exec hx ping -c 1 -W 1 host.docker.internal
docker inspect -f '{{json .HostConfig.ExtraHosts}}' hx
docker run -itd --name hy --network usr --add-host gw:host-gateway --hostname fqdn.example.test busybox
docker exec hy cat /etc/hosts
docker exec hy hostname
docker run -itd --name hh --network host --add-host beta:9.9.9.9 busybox
docker exec hh cat /etc/hosts
docker exec hh hostname
docker run -itd --name hn --network none --hostname lonely busybox
docker exec hn cat /etc/hosts
docker exec hn hostname -i
docker exec hn cat /etc/resolv.conf
docker run -itd --name hc --network container:hu busybox
docker exec hc cat /etc/hosts
docker exec hc hostname
docker run -itd --name hd --dns 127.0.0.5 --dns-search corp.test --dns-option ndots:2 busybox
docker exec hd cat /etc/resolv.conf
docker run -itd --name he --network usr --dns 127.0.0.6 --dns-search corp.test busybox
docker exec he cat /etc/resolv.conf
docker inspect -f '{{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}}' he
docker run -itd --name bad1 --add-host nocolon busybox
docker run -itd --name bad2 --add-host name:notanip busybox
docker run -itd --name bad3 --hostname 'bad_host!' busybox
docker run -itd --name bad4 --dns notanip busybox
