#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# network connect/disconnect variants: twice, not connected, --ip while stopped, --link on a user network, container mode, no networks at all, name case.
docker network create --subnet 10.113.0.0/24 ca
docker network create --subnet 10.114.0.0/24 cb
docker run -itd --name k1 --network ca busybox
docker network connect ca k1
docker network disconnect cb k1
docker network disconnect nosuch k1
docker stop -t 1 k1
docker network connect --ip 10.114.0.77 cb k1
docker inspect -f '{{json .NetworkSettings.Networks.cb.IPAMConfig}} [{{.NetworkSettings.Networks.cb.IPAddress}}]' k1
docker start k1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' k1
docker run -itd --name k2 --network cb busybox
docker network connect --link k1:kk ca k2
docker exec k2 nslookup kk
docker exec k2 ping -c 1 -W 1 kk
docker inspect -f '{{json .NetworkSettings.Networks.ca.Links}}' k2
docker run -itd --name k3 busybox
docker network connect --ip 10.200.0.5 ca k3
docker network connect --ip 10.113.0.2 ca k3
docker network connect --ip 10.113.0.50 ca k3
docker network connect host k3
docker network connect none k3
docker network connect CA k3
docker network connect cb K3
docker run -itd --name k5 --network container:k1 busybox
docker network connect cb k5
docker network disconnect ca k5
docker network disconnect ca k3
docker network disconnect bridge k3
docker inspect -f '{{json .NetworkSettings.Networks}}' k3
docker exec k3 ip a
docker network connect ca k3
docker exec k3 ip a
docker network connect --alias a1 --alias a2 cb k3
docker exec k2 nslookup a2
docker exec k1 ping -c 1 -W 1 10.114.0.1
docker network inspect cb
