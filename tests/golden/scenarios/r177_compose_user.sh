#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  app:
    image: busybox
    command: sleep 1000
    user: "1000:2000"
  other:
    image: busybox
    command: sleep 1000
    user: nobody
  plain:
    image: busybox
    command: sleep 1000
#! end
#! file bad.yaml
services:
  app:
    image: busybox
    user: 1000
#! end
# A compose service's user: Config.User, what id says in it, run and exec -u, and a user busybox's bare root does not have.
docker compose config
docker compose -f bad.yaml config
docker compose up -d app
docker compose up -d plain
docker compose exec app id
docker compose exec -u 0 app id
docker compose exec -u nobody plain id
docker compose exec --user 5 plain id -u
docker inspect -f '{{.Config.User}}' app-app-1 app-plain-1
docker compose run --rm -T app id
docker compose run --rm -T -u 7:8 plain id
docker compose up -d other
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose rm -sf other
docker compose rm -sf app
docker compose rm -sf plain
docker compose down
