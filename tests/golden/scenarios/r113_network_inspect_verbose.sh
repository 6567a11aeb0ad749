#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# network inspect -v/--verbose on a bridge network with containers and on host/none; host and none with containers.
docker network create --subnet 10.113.0.0/24 vn
docker run -itd --name v1 --network vn busybox
docker run -itd --name v2 --network vn busybox
docker run -itd --name hh --network host busybox
docker run -itd --name nn --network none busybox
docker run -itd --name bb busybox
docker network inspect -v vn
docker network inspect --verbose vn
docker network inspect -v host
docker network inspect --verbose none
docker network inspect -v bridge
docker network inspect host none
docker network inspect -f '{{.Name}} {{len .Containers}}' host none bridge
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' host
docker network inspect -f '{{range .Containers}}{{.Name}} {{.MacAddress}}{{end}}' none
docker network inspect -v -f '{{.Name}} {{json .Services}}' vn
docker network inspect -v -f '{{json .Peers}}' vn
docker run -itd --name h2 --network host busybox
docker run -itd --name n2 --network none busybox
docker network inspect host none
docker network inspect -f '{{.Name}} {{len .Containers}}' host none bridge vn
docker stop -t 1 hh
docker stop -t 1 nn
docker network inspect -f '{{.Name}} {{len .Containers}}' host none
docker network inspect -v nosuch
docker network inspect --verbose host nosuch
