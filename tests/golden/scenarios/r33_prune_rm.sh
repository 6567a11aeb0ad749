#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Pruning and removing several networks at once: what goes, what stays, what each command prints.
docker network create --subnet 10.70.0.0/24 pa
docker network create --subnet 10.71.0.0/24 pb
docker network create --subnet 10.72.0.0/24 pc
docker network create --subnet 10.73.0.0/24 --label keep=yes pd
docker run -itd --name u1 --network pa busybox
docker run -itd --name u2 --network pb busybox
docker run -itd --name u3 busybox
docker stop -t 1 u2 u3
docker network prune -f --filter label=keep=yes
docker network ls --format '{{.Name}}'
docker network prune -f --filter label!=keep=yes
docker network ls --format '{{.Name}}'
docker network prune -f
docker network ls --format '{{.Name}}'
docker container prune -f
docker ps -a --format '{{.Names}} {{.Status}}'
docker network prune -f
docker network ls --format '{{.Name}}'
docker network create --subnet 10.74.0.0/24 pe
docker network create --subnet 10.75.0.0/24 pf
docker network rm pe nosuch pf pa
docker network ls --format '{{.Name}}'
docker network rm bridge none
docker network rm u1
docker rm -f u1
docker network rm pa
docker network create --subnet 10.76.0.0/24 pg
docker network prune -f --filter bogus=1
docker network prune -f --filter until=1h
docker network prune -f --filter until=notatime
docker network prune -f --filter until=0s
docker network ls --format '{{.Name}}'
docker container prune -f
docker network prune
