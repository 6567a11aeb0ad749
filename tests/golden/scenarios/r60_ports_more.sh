#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# More published ports: same port twice, both protocols, host addresses that exist and do not, ranges, index templates.
docker run -itd --name p1 -p 8080:80/tcp -p 8080:80/udp busybox
docker port p1
docker port p1 80/udp
docker port p1 81
docker inspect -f '{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}' p1
docker inspect -f '{{range $p, $conf := .NetworkSettings.Ports}}{{$p}} -> {{(index $conf 0).HostPort}} {{end}}' p1
docker run -itd --name p2 -p 8081:80 -p 8081:80 busybox
docker port p2
docker run -itd --name p3 -p 127.0.0.1:8080:80 busybox
docker run -itd --name p4 -p 192.0.2.2:8082:80 busybox
docker port p4
docker run -itd --name p5 -p 10.1.1.1:8083:80 busybox
docker run -itd --name p6 -p 8100-8103:8100-8103 busybox
docker run -itd --name p7 -p 127.0.0.1::80/udp -p 82-84 busybox
docker port p7
docker run -itd --name p8 --publish published=8090,target=80 busybox
docker run -itd --name p9 -p 8084:80-81 busybox
docker run -itd --name p10 -p 8085-8086:80-82 busybox
docker run -itd --name p11 -p :8087:80 busybox
docker run -itd --name p12 -p 8088:80 --expose 443 -P busybox
docker port p12
docker ps -a --format '{{.Names}} {{.Ports}}'
docker container port p6 8101/tcp
docker inspect -f '{{json .HostConfig.PortBindings}}' p7
iptables -t nat -S DOCKER
iptables -S DOCKER
docker rm -f p1 p4 p6
iptables -t nat -S DOCKER
docker ps -a --format '{{.Names}} {{.Status}} {{.Ports}}'
