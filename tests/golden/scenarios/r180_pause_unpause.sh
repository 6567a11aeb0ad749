#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker pause/unpause: the state in ps and inspect, what a paused container still answers (the kernel's ICMP and TCP handshake, DNS from the daemon), and what each command does to a paused container.
docker network create --subnet 10.78.0.0/24 lan
docker run -itd --name srv --network lan --ip 10.78.0.10 -p 8080:80 busybox
docker run -itd --name cli --network lan --ip 10.78.0.20 busybox
docker exec -d srv httpd -f -p 80
docker pause srv
docker ps --format '{{.Names}} {{.Status}}'
docker ps -a --filter status=paused --format '{{.Names}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' srv
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' srv
docker exec cli ping -c 1 -W 2 10.78.0.10
docker exec cli ping -c 1 -W 2 srv
docker exec cli nslookup srv
docker exec cli nc -w 2 10.78.0.10 81
docker exec srv hostname
docker exec -d srv hostname
docker pause srv
docker unpause cli
docker pause nope
docker unpause nope
docker pause
docker unpause
docker pause cli nope
docker ps --format '{{.Names}} {{.Status}}'
docker unpause cli srv
docker exec cli wget -q -O - http://10.78.0.10/
docker pause srv
docker network disconnect lan srv
docker network connect bridge srv
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' srv
docker start srv
docker restart -t 1 srv
docker ps --format '{{.Names}} {{.Status}}'
docker pause srv
docker rm srv
docker stop -t 1 srv
docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.ExitCode}}' srv
docker pause srv
docker unpause srv
docker start srv
docker pause srv
docker kill srv
docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.ExitCode}}' srv
docker start srv
docker pause srv
docker rm -f srv
docker pause cli
docker network disconnect lan cli
docker network connect lan cli
docker inspect -f '{{.State.Status}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' cli
docker unpause cli
docker ps -a --format '{{.Names}} {{.Status}}'
