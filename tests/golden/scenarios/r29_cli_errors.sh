#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The docker CLI's own errors: unknown commands and flags, missing arguments, bad names.
docker foo
docker network foo
docker network ls --bogus
docker run --bogus busybox
docker network create
docker network rm
docker network inspect
docker network connect onlyone
docker run
docker network create --subnet 10.50.0.0/24 good
docker network inspect -f '{{.Name}}' good nosuch bridge
docker network rm good nosuch
docker run -itd --name ok1 busybox
docker run -itd --name a/b busybox
docker run -itd --name -x busybox
docker run -itd --name ok1 busybox
docker rename ok1 ok2
docker rename ok2 ok2
docker rename nosuch ok3
docker rename ok2 'bad name'
docker kill nosuch
docker kill ok2
docker kill ok2
docker rm ok2
docker rm nosuch ok2
docker network create -d bridge good
docker network create good
docker network create --label nokey= --label =val lbl
docker network create bad/name
docker network create --internal=maybe bad2
docker network create -o foo bad3
docker stop
docker start nosuch1 nosuch2
docker network disconnect good
docker exec
docker exec nosuch ls
docker network ls -q --filter name=good
docker version --format '{{.Client.APIVersion}}'
docker network inspect -f '{{json .Options}}' bad3
docker network ls --format '{{.Name}}'
