#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Embedded DNS as containers change: rename, stop, disconnect, reconnect with aliases; aliases where they are not allowed.
docker network create --subnet 10.91.0.0/24 dn
docker run -itd --name alpha --network dn busybox
docker run -itd --name beta --network dn busybox
docker exec beta nslookup alpha
docker rename alpha gamma
docker exec beta nslookup gamma
docker exec beta nslookup alpha
docker stop -t 1 gamma
docker exec beta nslookup gamma
docker start gamma
docker exec beta nslookup gamma
docker network disconnect dn gamma
docker exec beta nslookup gamma
docker network connect --alias svc --alias svc2 dn gamma
docker exec beta nslookup svc
docker exec beta ping -c 1 -W 1 svc2
docker inspect -f '{{json .NetworkSettings.Networks.dn.Aliases}}' gamma
docker inspect -f '{{json .NetworkSettings.Networks.dn.DNSNames}}' gamma
docker run -itd --name delta --network dn --network-alias svc busybox
docker exec beta nslookup svc
docker rm -f gamma
docker exec beta nslookup svc
docker run -itd --name eps --network-alias nope busybox
docker run -itd --name zeta busybox
docker network connect --alias nope bridge zeta
docker network connect --alias ok dn zeta
docker exec beta nslookup ok
docker exec beta nslookup zeta
docker run -itd --name eta --network dn --hostname customhost busybox
docker exec beta nslookup customhost
docker exec beta nslookup eta
docker exec eta cat /etc/hosts
docker run -itd --name theta --network dn --link beta:bee busybox
docker exec theta nslookup bee
docker exec beta nslookup bee
docker inspect -f '{{json .NetworkSettings.Networks.dn.Links}}' theta
