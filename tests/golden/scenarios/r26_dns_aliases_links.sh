#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Names on a user network: container names, --network-alias, connect --alias; links and hosts on the default bridge.
docker network create --subnet 10.40.0.0/24 app
docker run -itd --name web01 --network app --network-alias www --network-alias frontend busybox
docker run -itd --name db01 --network app --network-alias db busybox
docker run -itd --name client --network app busybox
docker exec client nslookup web01
docker exec client nslookup www
docker exec client nslookup db
docker exec client nslookup nosuchname
docker exec client nslookup frontend
docker exec client ping -c 1 -W 1 frontend
docker exec client ping -c 1 -W 1 www
docker exec client ping -c 1 -W 1 db01
docker exec client cat /etc/hosts
docker exec client cat /etc/resolv.conf
docker exec client hostname
docker network create --subnet 10.41.0.0/24 other
docker run -itd --name lone --network other busybox
docker exec client nslookup lone
docker network connect --alias cache --alias kv other db01
docker exec lone nslookup cache
docker exec lone nslookup db
docker exec lone nslookup db01
docker inspect -f '{{json .NetworkSettings.Networks.other.Aliases}}' db01
docker inspect -f '{{json .NetworkSettings.Networks.app.Aliases}}' web01
docker run -itd --name web02 --network app --network-alias www busybox
docker exec client nslookup www
docker run -itd --name bb1 busybox
docker run -itd --name bb2 --link bb1 busybox
docker run -itd --name bb5 --link web01:w busybox
docker run -itd --name bb3 --link bb1:alias1 busybox
docker exec bb2 cat /etc/hosts
docker exec bb3 cat /etc/hosts
docker exec bb2 ping -c 1 -W 1 bb1
docker exec bb3 ping -c 1 -W 1 alias1
docker exec bb1 ping -c 1 -W 1 bb2
docker exec bb2 cat /etc/resolv.conf
docker inspect -f '{{json .HostConfig.Links}}' bb2 bb3
docker run -itd --name bb4 --link nosuch:x busybox
docker run -itd --name lk1 --network app --link db01:database busybox
docker exec lk1 nslookup database
docker exec lk1 cat /etc/hosts
