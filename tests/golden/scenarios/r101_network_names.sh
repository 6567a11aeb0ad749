#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Networks named with upper case, dots and dashes, like a hex prefix, and a container named like a network.
docker network create MyNet
docker network create mynet
docker network create my.net-1
docker network create abc
docker network create my_net.2
docker network create 'bad name'
docker network create -- -net
docker network ls --format '{{.Name}} {{.Driver}}' --filter driver=bridge
docker network ls --format '{{.Name}}' --filter name=net
docker network ls --format '{{.Name}}' --filter name=MyNet
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' MyNet mynet my.net-1 abc
docker network inspect -f '{{.Name}}' MYNET
docker inspect -f '{{.Name}} {{.Scope}}' my.net-1
docker inspect --type network -f '{{.Name}}' abc
docker inspect --type container -f '{{.Name}}' abc
docker run -itd --name mynet --network mynet busybox
docker inspect -f '{{.Name}}' mynet
docker inspect --type network -f '{{.Name}} {{.Driver}}' mynet
docker inspect --type container -f '{{.Name}} {{.HostConfig.NetworkMode}}' mynet
docker network connect my.net-1 mynet
docker network connect MyNet mynet
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' mynet
docker network disconnect abc mynet
docker network disconnect MyNet mynet
docker network rm MyNet abc
docker network rm my.net-1
docker network ls --format '{{.Name}}'
docker rm -f mynet
docker network rm mynet my.net-1
docker network ls --format '{{.Name}}'
