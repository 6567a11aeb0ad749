#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox:latest
    tty: true
  api:
    image: busybox:latest
    tty: true
    depends_on:
      db:
        condition: service_started
        restart: true
  web:
    image: busybox:latest
    tty: true
    depends_on: [api]
#! end
# stop, start, restart, rm and up of one service; --no-deps; exec -T; what each prints.
docker compose up -d api
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose up -d --no-deps web
docker compose stop api
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose rm -f api
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose up -d
docker compose restart db
docker compose exec -T db hostname -i
docker compose exec -T --index 1 web sh -c 'echo hi'
docker compose exec db sh
docker compose stop
docker compose rm -f
docker compose ps -a
docker compose down
