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
    ports: ["8080:80", "5353:53/udp"]
    depends_on: [db]
#! end
# One service at a time: stop/start/restart, port and exec; unknown services in each command.
docker compose up -d
docker compose stop web
docker compose ps -a --format '{{.Name}} {{.State}} {{.Ports}}'
docker compose port web 80
docker compose start web
docker compose port web 80
docker compose port --protocol udp web 53
docker compose port web 53
docker compose restart web
docker compose ps --format '{{.Name}} {{.State}}'
docker compose stop db
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose start web
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose exec -T web hostname -i
docker compose exec -T db hostname -i
docker compose exec -T web nslookup db
docker compose exec -T web sh -c 'exit 3'
docker compose exec -T nope hostname
docker compose restart nope
docker compose stop nope
docker compose start nope
docker compose port nope 80
docker compose ps nope
docker compose rm -f nope
docker compose down
docker compose exec -T web hostname
docker compose port web 80
