#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Every docker command's --help as the client prints it (usage, flags, descriptions).
docker --help
docker network --help
docker network create --help
docker network connect --help
docker network disconnect --help
docker network inspect --help
docker network ls --help
docker network rm --help
docker network prune --help
docker container --help
docker run --help
docker create --help
docker start --help
docker stop --help
docker restart --help
docker kill --help
docker rm --help
docker rename --help
docker ps --help
docker inspect --help
docker port --help
docker exec --help
docker container ls --help
docker container inspect --help
docker network create -h
docker network create foo --help
