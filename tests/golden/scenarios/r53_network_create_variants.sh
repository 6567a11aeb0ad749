#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# network create variants: gateway outside the range, v4+v6 gateways, range+gateway+aux together, bridge.name clashing with docker0, labels, ls filters, inspect of several networks.
docker network create --subnet 10.105.0.0/16 --gateway 10.105.200.1 --ip-range 10.105.1.0/24 gwout
docker run -itd --name g1 --network gwout busybox
docker inspect -f '{{.NetworkSettings.Networks.gwout.IPAddress}}/{{.NetworkSettings.Networks.gwout.IPPrefixLen}} via {{.NetworkSettings.Networks.gwout.Gateway}}' g1
docker exec g1 ip route
docker network create --ipv6 --subnet 10.106.0.0/24 --subnet fd00:106::/64 --gateway 10.106.0.254 --gateway fd00:106::fe dual
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' dual
docker network create --subnet 10.107.0.0/24 --ip-range 10.107.0.0/28 --gateway 10.107.0.1 --aux-address r1=10.107.0.2 --aux-address r2=10.107.0.3 combo
docker network inspect combo
docker run -itd --name c1 --network combo busybox
docker run -itd --name c2 --network combo --ip 10.107.0.2 busybox
docker run -itd --name c3 --network combo --ip 10.107.0.100 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.combo.IPAddress}}' c1 c3
docker network create --subnet 10.108.0.0/24 -o com.docker.network.bridge.name=docker0 clash
docker network create --label a=1 --label b=2 --label team=red lab1
docker network create --label team=blue lab2
docker network create --label team=green --label team=yellow lab3
docker network ls --filter label=team --format '{{.Name}} {{.Label "team"}} {{.Label "a"}}'
docker network ls --filter label=team=blue --format '{{.Name}} {{.Labels}}'
docker network ls --filter label=team=red --format '{{.Name}}'
docker network ls --filter label=a=1 --filter label=b=2 --format '{{.Name}}'
docker network ls --format '{{.Name}} [{{.Label "team"}}]'
docker network ls --filter driver=null
docker network ls --filter driver=host --format '{{.Name}}'
docker network ls --filter id=0000 --format '{{.Name}}'
docker network ls --filter name=lab --filter driver=bridge --format '{{.Name}}'
docker network ls --filter scope=local --format '{{.Name}}'
docker network ls --filter type=custom --format '{{.Name}} {{.Driver}}'
docker network inspect -f '{{.Options}}' lab1
docker network inspect -f '{{.Labels}}' lab1
docker network inspect -f '{{json .Labels}}' lab3
docker network inspect -f '{{.Internal}} {{.Attachable}} {{.Ingress}} {{.EnableIPv6}} {{.Scope}} {{.Driver}}' lab1
docker network inspect bridge host none
docker network inspect --format '{{range $k, $v := .Containers}}{{$v.Name}} {{$v.IPv4Address}}{{"\n"}}{{end}}' gwout
docker network inspect --format '{{range $k, $v := .Containers}}{{$v.Name}} {{$v.IPv4Address}} {{$v.MacAddress}}{{end}}' lab1
