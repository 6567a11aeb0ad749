#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# rename, restart after the address was taken, kill with signals, rm -f of containers with published ports and the NAT rules left.
docker network create --subnet 10.111.0.0/24 rn
docker run -itd --name old1 --network rn busybox
docker run -itd --name cli --network rn busybox
docker rename old1 new1
docker exec cli nslookup new1
docker exec cli nslookup old1
docker exec new1 cat /etc/hosts
docker inspect -f '{{.Name}} {{json .NetworkSettings.Networks.rn.Aliases}}' new1
docker stop -t 1 new1
docker run -itd --name thief --network rn busybox
docker start new1
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rn.IPAddress}}' new1 thief cli
docker exec cli nslookup new1
docker exec cli nslookup thief
docker kill -s HUP new1
docker ps --filter name=new1 --format '{{.Names}} {{.Status}}'
docker kill -s SIGKILL new1
docker kill -s NOSUCH cli
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} [{{.NetworkSettings.Networks.rn.IPAddress}}]' new1
docker run -itd --name pub1 -p 8080:80 -p 8443:443 --network rn busybox
docker run -itd --name pub2 -p 9090:90 busybox
iptables -t nat -S
docker rm -f pub1
iptables -t nat -S
iptables -S DOCKER
docker rm pub2
docker rm -f pub2
iptables -t nat -S DOCKER
docker restart -t 1 new1
docker inspect -f '{{.State.Status}} {{.NetworkSettings.Networks.rn.IPAddress}}' new1
docker exec cli nslookup new1
docker rename cli cli2
docker rename new1 cli2
docker exec cli2 hostname -i
docker network disconnect rn thief
docker network connect rn thief
docker inspect -f '{{.NetworkSettings.Networks.rn.IPAddress}}' thief
docker network inspect rn
