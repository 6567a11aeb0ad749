#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --ip on a user network across stop/start; a dynamic container takes the stopped one's address; connect --ip while stopped.
docker network create --subnet 10.100.0.0/24 --ip-range 10.100.0.48/30 sn
docker run -itd --name st --network sn --ip 10.100.0.50 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{json .IPAMConfig}}{{end}}' st
docker stop -t 1 st
docker start st
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' st
docker exec st ip -4 addr show eth0
docker restart -t 1 st
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' st
docker run -itd --name d1 --network sn busybox
docker run -itd --name d2 --network sn busybox
docker stop -t 1 st
docker run -itd --name d3 --network sn busybox
docker run -itd --name d4 --network sn busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' d1 d2 d3 d4
docker start st
docker run -itd --name d5 --network sn busybox
docker rm -f d3
docker start st
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{json .IPAMConfig}}{{end}}' st
docker network create --subnet 10.101.0.0/24 sn2
docker stop -t 1 st
docker network disconnect sn st
docker network connect --ip 10.101.0.77 sn2 st
docker inspect -f '{{json .NetworkSettings.Networks}}' st
docker start st
docker exec st ip -4 addr show eth0
docker stop -t 1 st
docker start st
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{json $v.IPAMConfig}}{{end}}' st
