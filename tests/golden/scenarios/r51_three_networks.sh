#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# One container on three networks: which default route wins, aliases on two networks, removing a network under a stopped container.
docker network create --subnet 10.101.0.0/24 zeta
docker network create --subnet 10.102.0.0/24 alpha
docker network create --subnet 10.103.0.0/24 mid
docker run -itd --name tri --network zeta --network-alias svc busybox
docker exec tri ip route
docker network connect --alias svc alpha tri
docker exec tri ip route
docker network connect mid tri
docker exec tri ip a
docker exec tri ip route
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} gw={{$v.Gateway}} {{json $v.Aliases}} {{end}}' tri
docker inspect -f '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}' tri
docker run -itd --name q1 --network alpha busybox
docker run -itd --name q2 --network zeta busybox
docker run -itd --name q3 --network mid busybox
docker exec q1 nslookup svc
docker exec q2 nslookup svc
docker exec q3 nslookup svc
docker exec q3 nslookup tri
docker exec q1 ping -c 1 -W 1 svc
docker exec q3 ping -c 1 -W 1 tri
docker exec q1 ping -c 1 -W 1 10.103.0.2
docker network disconnect alpha tri
docker exec tri ip route
docker exec q1 nslookup svc
docker network disconnect zeta tri
docker exec tri ip route
docker network connect zeta tri
docker exec tri ip a
docker exec tri ip route
docker stop -t 1 tri
docker rm -f q3
docker network rm mid
docker start tri
docker network disconnect mid tri
docker network disconnect -f mid tri
docker start tri
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' tri
docker exec q2 nslookup svc
docker network ls --format '{{.Name}}'
