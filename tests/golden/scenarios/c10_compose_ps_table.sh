#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  web:
    image: web:latest
    tty: true
    ports:
      - "8080:80"
      - "127.0.0.1:9000-9001:5000-5001/udp"
    depends_on: [db]
  db:
    image: busybox:latest
    tty: true
    expose:
      - "5432"
#! end
# compose ps and ls as tables and formats; port lookups; config listings.
docker compose up -d
docker compose ps
docker compose ps -a --format '{{.Name}}|{{.Image}}|{{.Command}}|{{.Service}}|{{.State}}|{{.Ports}}'
docker compose ps --services
docker compose ps -q | wc -l
docker compose ls
docker compose ls --format json
docker compose port web 80
docker compose port web 5000/udp
docker compose port web 81
docker compose port db 5432
docker compose config --services
docker compose config --networks
docker ps --format '{{.Names}} {{.Ports}}'
docker inspect -f '{{json .Config.Labels}}' app-web-1
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}}' app-web-1
docker compose stop db
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose start
docker compose ps --format '{{.Name}} {{.State}}'
docker compose down
docker compose ps
docker compose ls -a
