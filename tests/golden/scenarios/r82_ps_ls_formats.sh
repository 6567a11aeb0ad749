#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# ps and network ls table/json formats, --no-trunc -q, counts with wc -l, len .Containers.
docker network create --subnet 10.82.0.0/24 n1
docker network create --internal --subnet 10.82.1.0/24 n2
docker network create --ipv6 --subnet 10.82.2.0/24 --subnet fd00:82::/64 n3
docker run -itd --name p1 --network n1 busybox
docker run -itd --name p2 --network n2 busybox
docker run -itd --name p3 -p 8082:80 web
docker create --name p4 --network n3 busybox
docker run -itd --name p5 --network none busybox
docker ps --format 'table {{.ID}}\t{{.Names}}\t{{.Networks}}'
docker ps -a --format 'table {{.Names}}\t{{.Networks}}\t{{.Ports}}'
docker ps --format '{{json .}}' -f name=p1
docker ps -a --format '{{json .}}' -f name=p4
docker ps --no-trunc -q
docker ps -a --no-trunc -q | wc -l
docker ps -q -f network=n1 | wc -l
docker ps --format '{{.Names}} {{.Networks}}' -f network=n2
docker network ls --format 'table {{.Name}}\t{{.Driver}}\t{{.Scope}}\t{{.Internal}}\t{{.IPv6}}'
docker network ls -f driver=bridge -q | wc -l
docker network ls -f driver=null -q | wc -l
docker network ls --no-trunc -q | wc -l
docker network ls -f type=custom --format '{{.Name}} {{.Internal}} {{.IPv6}}'
docker network ls -f name=n --format '{{.Name}}'
docker network inspect -f '{{len .Containers}}' n1
docker network inspect -f '{{len .Containers}}' n3
docker network inspect -f '{{len .Containers}}' bridge
docker network inspect -f '{{len .Containers}}' none
docker network inspect -f '{{len .Containers}}' host
docker start p4
docker network inspect -f '{{len .Containers}}' n3
docker ps --format 'table {{.Names}}\t{{.Networks}}' -f name=p4
docker ps --format '{{.Names}}\t{{.Ports}}' -f publish=8082
docker network ls --format '{{json .Name}} {{json .Driver}}' -f name=n2
