#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Embedded DNS name forms without a daemon search domain: short ID, upper case, name.network, alias.network, names of other networks, reverse lookups, explicit server.
docker network create --subnet 10.86.0.0/24 mynet
docker network create --subnet 10.86.1.0/24 other
docker run -itd --name web --network mynet --network-alias www web
docker run -itd --name cl --network mynet busybox
docker exec web sh -c 'nslookup -type=a $(hostname)'
docker exec web sh -c 'nslookup -type=a $(hostname).mynet'
docker exec cl nslookup WEB
docker exec cl nslookup Web.MyNet
docker exec cl nslookup web.mynet 127.0.0.11
docker exec cl nslookup www.mynet
docker exec cl nslookup web.other
docker exec cl nslookup cl.mynet
docker run -itd --name oo --network other busybox
docker exec oo nslookup web.mynet
docker network connect --alias api other web
docker exec oo nslookup api
docker exec oo nslookup web.other
docker exec oo nslookup api.other
docker exec oo nslookup www
docker exec cl nslookup api
docker exec cl ping -c 1 -W 1 web.mynet
docker exec oo ping -c 1 -W 1 api.other
docker run --rm --network mynet --name probe busybox nslookup www 127.0.0.11
docker exec cl nslookup 10.86.0.2
docker exec oo nslookup 10.86.1.3 127.0.0.11
docker exec cl cat /etc/resolv.conf
