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
# one-off containers through a project's life: a stopped dependency, --use-aliases, which commands see a running one-off (ps, stop, down), an exited one as an orphan of up; run's errors.
docker compose up -d
docker compose stop db
docker compose run --rm -T web hostname
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose run -d --name alias1 --use-aliases db sleep 100
docker compose exec -T web nslookup db
docker compose ps --format '{{.Name}} {{.State}}'
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose stop web
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose run -T --name gone db sh -c 'echo bye; exit 5'
docker compose up -d
docker compose run
docker compose run --rm -T db nosuchprogram
docker compose run --rm -T --service-ports web hostname
docker compose kill -s BOGUS db
docker compose --progress quiet pause db
docker compose unpause web
docker compose unpause db
docker container pause app-web-1
docker container unpause app-web-1
docker compose ls --format json
docker compose --progress quiet down
docker ps -a --format '{{.Names}} {{.Status}}'
