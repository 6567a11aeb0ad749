#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker stats --no-stream: formats whose values repeat (names, IDs, PIDs), the table header, stopped and missing containers, -a.
docker run -itd --name s1 busybox
docker run -itd --name s2 busybox
docker run -d --name s3 busybox true
docker stats --no-stream --format '{{.Name}} {{.Container}}' s1
docker stats --no-stream --format '{{.Name}} {{.ID}} {{.PIDs}}' s1 s2
docker stats --no-stream --format '{{.Name}}' | sort
docker stats --no-stream -a --format '{{.Name}}' | sort
docker container stats --no-stream --format '{{.Name}} {{.PIDs}}' s2
docker stats --no-stream --format 'table {{.Name}}\t{{.PIDs}}' s1 s2
docker stats --no-stream --format 'table {{.Name}}\t{{.Container}}' s1
docker stats --no-stream | head -1
docker stats --no-stream s1 | wc -l
docker stats --no-stream s1 | awk 'NR==2 {print $2}'
docker stats --no-stream --format '{{.Name}} {{.CPUPerc}}' s3
docker stats --no-stream --format '{{.Name}} {{.MemUsage}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDs}}' s3
docker stats --no-stream s3
docker stats --no-stream --format '{{.Name}}' nope
docker stats --no-stream --format '{{.Name}}' s1 nope
docker stats --no-stream --format '{{json .Name}}' s1
docker stats --no-stream --format '{{.Bogus}}' s1
docker stats --no-stream --no-trunc --format '{{.Container}}' s1
docker stats --no-stream --format '{{.Container}}' $(docker ps -q --filter name=s2)
docker stop s2
docker stats --no-stream --format '{{.Name}} {{.PIDs}}' s2
docker stats --bogus
