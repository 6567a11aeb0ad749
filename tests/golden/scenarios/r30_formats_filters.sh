#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Formats and filters: templates that work, templates that fail, filters that do not exist.
docker network create --subnet 10.51.0.0/24 --label env=prod fmt1
docker network create --subnet 10.52.0.0/24 fmt2
docker run -itd --name f1 --network fmt1 busybox
docker run -itd --name f2 busybox
docker stop f2
docker ps --filter name=f1
docker ps -a --filter status=exited --format '{{.Names}}'
docker ps -a --filter network=fmt1 --format '{{.Names}}'
docker ps --filter bogus=1
docker ps --format '{{.Nope}}'
docker ps --format '{{.Names'
docker ps --format '{{json .Networks}}'
docker ps -a --format 'table {{.Names}}\t{{.Networks}}\t{{.Status}}'
docker inspect -f '{{.NetworkSettings.Networks.nosuch.IPAddress}}' f1
docker inspect -f '{{.NetworkSettings.Networks.fmt1.IPAddress}}' f1
docker inspect -f '{{.NetworkSettings.Nope}}' f1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' f1 f2
docker inspect -f '{{json .NetworkSettings.Networks}}' f2
docker inspect --type network fmt1 -f '{{.Name}} {{.Driver}}'
docker inspect --type container fmt1
docker inspect nosuch
docker network ls --format '{{json .}}'
docker network ls --format '{{.ID}} {{.Name}} {{.Internal}} {{.IPv6}} {{.Labels}}'
docker network ls --format '{{.Nope}}'
docker network ls --filter bogus=1
docker network ls --filter dangling=true
docker network ls --filter dangling=false --format '{{.Name}}'
docker network ls --filter label=env --format '{{.Name}}'
docker network ls --filter id=nosuch
docker network ls --filter driver=host --filter driver=null
docker network inspect -f '{{.Nope}}' fmt1
docker network inspect -f '{{json .IPAM}}' fmt1 fmt2
docker network inspect -f '{{.Options}}' bridge
docker network inspect --verbose fmt1
docker ps -a --no-trunc --format '{{.Names}} {{.Command}}'
