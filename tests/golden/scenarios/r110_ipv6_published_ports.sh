#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Published ports on an --ipv6 user network: all interfaces, [::1] and 127.0.0.1 binds; port, ps, inspect, NAT rules.
docker network create --ipv6 --subnet fd00:110::/64 v6p
docker run -itd --name p1 --network v6p -p 8080:80 busybox
docker run -itd --name p2 --network v6p -p [::1]:8081:80 busybox
docker run -itd --name p3 --network v6p -p 127.0.0.1:8082:80 busybox
docker port p1
docker port p2
docker port p3
docker port p1 80
docker port p2 80/tcp
docker port p3 80/udp
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .NetworkSettings.Ports}}' p1
docker inspect -f '{{json .NetworkSettings.Ports}}' p2
docker inspect -f '{{json .NetworkSettings.Ports}}' p3
docker inspect -f '{{json .HostConfig.PortBindings}}' p2
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.GlobalIPv6Address}}{{end}}' p1
docker exec p1 ip -6 route
iptables -t nat -S
iptables -t nat -S DOCKER
docker run -itd --name p4 --network v6p -p 8080:80 busybox
docker run -itd --name p5 --network v6p -p 127.0.0.1:8081:80 busybox
docker port p5
docker rm -f p1
docker rm -f p4
docker port p1
iptables -t nat -S DOCKER
docker ps --format '{{.Names}} {{.Ports}}'
