#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  app:
    image: busybox:latest
    tty: true
    networks: [shared, default]
networks:
  shared:
    external: true
    name: corp
#! end
# An external network: missing, then created outside compose; down keeps it.
docker compose up -d
docker network create --subnet 172.30.0.0/24 corp
docker compose up -d
docker network inspect corp -f '{{json .Labels}} {{len .Containers}}'
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' app-app-1
docker compose down
docker network ls --format '{{.Name}}'
docker network rm corp
