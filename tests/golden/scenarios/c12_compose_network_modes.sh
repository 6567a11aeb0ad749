#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  base:
    image: busybox:latest
    tty: true
  side:
    image: busybox:latest
    tty: true
    network_mode: service:base
    depends_on: [base]
  hosty:
    image: busybox:latest
    tty: true
    network_mode: host
    depends_on: [side]
  lonely:
    image: busybox:latest
    tty: true
    network_mode: none
    depends_on: [hosty]
  classic:
    image: busybox:latest
    tty: true
    network_mode: bridge
    depends_on: [lonely]
#! end
# Every network_mode: service:, host, none, bridge (and the default network for the rest).
docker compose up -d
docker network ls --format '{{.Name}}'
docker inspect -f '{{.Name}} {{.HostConfig.NetworkMode}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}}:{{$v.IPAddress}} {{end}}' app-base-1 app-side-1 app-hosty-1 app-lonely-1 app-classic-1
docker exec app-side-1 hostname -i
docker exec app-lonely-1 ip a
docker exec app-classic-1 cat /etc/hosts
docker exec app-base-1 nslookup side
docker compose ps --format '{{.Name}} {{.Service}}'
docker compose down
docker ps -a
