#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# docker run variants: host mode with -p, --net/--network spellings, --ip/--ip6 where not allowed, --mac-address, -h, --expose, -p on several addresses, attached runs.
docker run -itd --name h1 --network=host -p 8080:80 busybox
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .HostConfig.PortBindings}} {{json .NetworkSettings.Ports}}' h1
docker run -itd --name b1 --net bridge busybox
docker run -itd --name d1 --network default busybox
docker inspect -f '{{.HostConfig.NetworkMode}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}}{{end}}' b1 d1
docker run -itd --name i1 --network bridge --ip 172.17.0.100 busybox
docker network create --subnet 10.104.0.0/24 v4net
docker run -itd --name i2 --network v4net --ip6 fd00:104::5 busybox
docker run -itd --name i3 --net=v4net --ip=10.104.0.50 busybox
docker run -itd --name i4 --network v4net --ip 10.104.0.50 busybox
docker run -itd --name m1 --mac-address 02:42:ac:11:00:99 busybox
docker exec m1 ip link show eth0
docker inspect -f '{{.NetworkSettings.MacAddress}} {{.NetworkSettings.Networks.bridge.MacAddress}}' m1
docker run -itd --name m2 --network v4net --mac-address 02:00:00:00:00:01 busybox
docker inspect -f '{{.NetworkSettings.Networks.v4net.MacAddress}}' m2
docker run -itd --name m3 --mac-address notamac busybox
docker run -itd --name hn1 -h box1 --domainname example.test busybox
docker exec hn1 hostname
docker exec hn1 cat /etc/hosts
docker run -itd --name dn1 --dns-option ndots:2 --dns-option timeout:1 busybox
docker exec dn1 cat /etc/resolv.conf
docker run -itd --name e1 --expose 9000-9002 busybox
docker run -itd --name e2 -P --expose 9000-9002 --expose 53/udp busybox
docker port e2
docker inspect -f '{{json .Config.ExposedPorts}}' e1
docker run -itd --name pp1 -p 127.0.0.1:8080:80/udp -p 8080:80 busybox
docker port pp1
docker run -itd --name pp2 -p '[::1]:8090:80' busybox
docker port pp2
docker run -itd --name pp3 -p 0.0.0.0:8091:80 busybox
docker port pp3
docker ps --format '{{.Names}} {{.Ports}}'
docker run --rm busybox echo gone
docker run busybox true
docker run --name x1 busybox echo hi
docker run --rm --network none busybox ip a
docker run --rm --network host busybox hostname
docker ps -a --filter status=exited --format '{{.Image}} {{.Command}} {{.Networks}} {{.Ports}}'
