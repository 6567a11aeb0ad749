#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    tty: true
#! end
# Several projects on one host: -p, COMPOSE_PROJECT_NAME-like names, subnets in order, ls.
docker compose up -d
docker compose -p second up -d
docker compose -p Third_Proj up -d
docker compose -p 'BAD NAME' up -d
docker compose ls
docker network ls --format '{{.Name}}'
docker network inspect app_default second_default third_proj_default --format '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}'
docker ps --format '{{.Names}}'
docker compose -p second down
docker compose ls
docker compose -p third_proj down
docker compose down
docker compose ls -a
