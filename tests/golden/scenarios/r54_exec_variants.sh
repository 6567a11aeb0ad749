#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# exec variants: busybox views, pings to stopped and isolated containers, names across networks and on the default bridge, exec errors.
docker network create --subnet 10.109.0.0/24 ex
docker network create --subnet 10.110.0.0/24 ey
docker run -itd --name e1 --network ex busybox
docker run -itd --name e2 --network ex busybox
docker run -itd --name e3 --network ey busybox
docker run -itd --name b1 busybox
docker run -itd --name b2 --link b1:bone busybox
docker exec e1 cat /etc/hostname
docker exec e1 ip -4 addr
docker exec e1 ip -6 addr
docker exec e1 ip route get 10.109.0.1
docker exec e1 ip route get 10.109.0.3
docker exec e1 ping -c 1 -W 1 e2
docker exec e1 route -n
docker exec e1 hostname -i
docker exec e1 cat /etc/resolv.conf
docker exec b1 cat /etc/resolv.conf
docker stop -t 1 e2
docker exec e1 ping -c 2 -W 1 10.109.0.3
docker exec e1 nslookup e2
docker exec e1 nslookup e3
docker exec e1 ping -c 1 -W 1 10.110.0.2
docker exec e1 ping -c 1 -W 1 10.110.0.1
docker exec b1 ping -c 1 -W 1 b2
docker exec b2 ping -c 1 -W 1 bone
docker exec b2 ping -c 1 -W 1 b1
docker exec b2 nslookup bone
docker exec e2 ls
docker exec e1 nosuchprog
docker exec e1 sh -c 'exit 3'
docker exec -w /etc e1 pwd
docker network connect ey e1
docker exec e1 netstat -rn
docker exec e1 ip -4 addr
docker exec e1 nslookup e3
docker exec e1 ping -c 1 -W 1 e3
docker exec e3 ping -c 1 -W 1 e1
docker exec e1 ip route get 10.110.0.2
