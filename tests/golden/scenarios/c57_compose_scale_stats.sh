#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    command: ["sleep", "3600"]
    depends_on: [db]
  db:
    image: busybox:latest
    command: ["sleep", "3600"]
#! end
# docker compose scale: more and fewer replicas of a service on its network, its refusals; compose stats of a project.
docker compose up -d
docker compose scale web=2
docker compose ps --format '{{.Name}} {{.State}}'
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Aliases}}{{end}}' app-web-1 app-web-2
docker network inspect -f '{{len .Containers}}' app_default
docker compose scale web=1 db=2
docker compose ps --format '{{.Name}} {{.State}}'
docker compose scale --no-deps web=2
docker compose ps --format '{{.Name}} {{.State}}'
docker compose scale web
docker compose scale web=x
docker compose scale =2
docker compose scale nosuch=2
docker compose scale
docker compose scale web=1
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose stats --no-stream --format '{{.Name}}'
docker compose stats --no-stream db --format '{{.Name}}'
docker compose stats --no-stream nosuch
docker compose stats --no-stream -a --format '{{.Name}}'
docker compose down
