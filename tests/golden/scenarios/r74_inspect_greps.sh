#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The inspect fields students grep and template: IPAddress, MAC, Gateway, Ports, range/index over Networks, --type.
docker network create --subnet 10.74.0.0/24 mynet
docker run -itd --name web1 -p 8080:80 web
docker run -itd --name db1 --network mynet busybox
docker inspect web1 | grep -i -A3 networks
docker inspect web1 | grep IPAddress
docker inspect web1 | grep -i mac
docker inspect web1 | grep Gateway
docker inspect db1 | grep -i ipaddress
docker inspect --format='{{.NetworkSettings.IPAddress}}' web1
docker inspect --format='{{.NetworkSettings.IPAddress}}' db1
docker inspect --format '{{json .NetworkSettings.Ports}}' web1
docker inspect -f '{{.HostConfig.PortBindings}}' web1
docker inspect -f '{{.Config.ExposedPorts}}' web1
docker inspect -f '{{range $p, $conf := .NetworkSettings.Ports}}{{$p}} -> {{(index $conf 0).HostPort}} {{end}}' web1
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web1 db1
docker inspect -f '{{index .NetworkSettings.Networks "mynet"}}' db1
docker inspect -f '{{(index .NetworkSettings.Networks "mynet").IPAddress}}' db1
docker inspect -f '{{index .NetworkSettings.Networks "nosuch"}}' db1
docker inspect -f '{{json .NetworkSettings.Networks}}' db1
docker inspect -f '{{.NetworkSettings.Networks.mynet.Aliases}} {{.NetworkSettings.Networks.mynet.MacAddress}}' db1
docker inspect -f '{{.NetworkSettings.MacAddress}} {{.NetworkSettings.Networks.bridge.MacAddress}}' web1
docker network inspect -f '{{json .IPAM}}' mynet
docker network inspect -f '{{json .IPAM}}' bridge
docker network inspect -f '{{.IPAM.Config}}' mynet
docker network inspect --format '{{range .Containers}}{{.Name}}={{.IPv4Address}} {{end}}' mynet
docker inspect --type network bridge
docker inspect --type network mynet
docker inspect --type container nosuch
docker inspect --type network nosuch
docker inspect --type foo web1
docker inspect --type container mynet
docker inspect -f '{{.Name}}' web1 mynet
docker inspect nosuch
docker network inspect web1
docker container inspect mynet
