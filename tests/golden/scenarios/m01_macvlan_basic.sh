#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# A macvlan network on a veth parent: create, inspect, two containers, their interfaces and routes, a ping between siblings, rm.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.60.0.0/24 --gateway 10.60.0.1 -o parent=lan0 mv
docker network inspect mv
docker network ls --filter driver=macvlan --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker run -itd --name ca --network mv busybox
docker run -itd --name cb --network mv busybox
docker inspect -f '{{range $k,$v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}/{{$v.IPPrefixLen}} gw={{$v.Gateway}} mac={{$v.MacAddress}}{{end}}' ca cb
docker exec ca ip a
docker exec ca ip route
docker exec ca ip -d link show eth0
docker exec ca ping -c 1 -W 1 10.60.0.3
docker exec cb ping -c 1 -W 1 10.60.0.2
ip -d link show type macvlan
ip -o link show lan0
docker network inspect -f '{{range $k,$v := .Containers}}{{$v.Name}} {{$v.IPv4Address}} {{$v.MacAddress}}{{println}}{{end}}' mv | sort
docker network rm mv
docker rm -f ca cb
docker network rm mv
docker network ls --filter driver=macvlan
