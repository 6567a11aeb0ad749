#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox:latest
    tty: true
  web:
    image: web:latest
    tty: true
    ports: ["8080:80"]
    depends_on: [db]
#! end
# compose's other service commands: run (one-off containers), create, kill, pause/unpause; unknown services in each.
docker compose up -d
docker compose run --rm db hostname -i
docker compose run --rm -T web nslookup db
docker compose run -d --name oneoff db sleep 100
docker ps -a --format '{{.Names}} {{.Status}}'
docker compose ps -a --format '{{.Name}} {{.Service}} {{.State}}'
docker inspect -f '{{index .Config.Labels "com.docker.compose.oneoff"}} {{index .Config.Labels "com.docker.compose.service"}} {{index .Config.Labels "com.docker.compose.container-number"}}' oneoff app-db-1
docker compose exec -T web nslookup db
docker compose exec -T web nslookup oneoff
docker compose create
docker compose kill web
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose kill web
docker compose pause db
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose pause db
docker compose exec -T db hostname
docker compose unpause db
docker compose unpause db
docker compose kill -s SIGTERM db
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose run nope hostname
docker compose kill nope
docker compose pause nope
docker compose unpause nope
docker compose create nope
docker compose ps --format json
docker compose ls --format json
docker rm -f oneoff
docker compose down --remove-orphans
