#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  api:
    image: busybox:latest
    tty: true
  web:
    image: web:latest
    tty: true
    ports: ["8080:80"]
    depends_on: [api]
#! end
# up --no-start then start, --force-recreate of one service, --no-recreate, the flags up refuses together; stop/restart/down timeouts, rm -s, down --rmi.
docker compose up --no-start
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose start api
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose up -d --force-recreate --no-recreate
docker compose up -d --scale web=x
docker compose up -d --scale web
docker compose up -d --abort-on-container-exit
docker compose up --build --no-build
docker compose up -d --no-recreate
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose up -d --force-recreate web
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose up -d --force-recreate --no-deps web
docker compose stop -t 1 web
docker compose restart -t 1 api
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose rm -s -f web
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose up -d
docker compose down --rmi bogus
docker compose down -t 1 --rmi local
docker compose ps -a
docker network ls --filter name=app --format '{{.Name}}'
docker image ls --format '{{.Repository}}:{{.Tag}}' | sort
