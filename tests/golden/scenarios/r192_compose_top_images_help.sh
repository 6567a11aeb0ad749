#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    command: ["httpd", "-f", "-p", "80"]
  db:
    image: busybox
    command: ["sleep", "1000"]
    depends_on:
      - web
#! end
# docker compose top and images (a project up, one service stopped, nothing created), and --help of every compose command the simulator has
docker compose images
docker compose top
docker compose up -d --quiet-pull
docker compose images
docker compose images web
docker compose images -q
docker compose images --format json
docker compose images nosuch
docker compose top | head -1
docker compose top | awk 'NR == 2 {print $1, $2, $3, $NF}'
docker compose top | awk 'NF {print $1, $NF}'
docker compose top db | awk 'NF {print $1, $NF}'
docker compose top nosuch
docker compose stop db
docker compose top | awk 'NF {print $1, $NF}'
docker compose images
docker compose down
docker compose images
docker compose top
docker compose --help | head -5
docker compose up --help
docker compose down --help
docker compose ps --help
docker compose ls --help
docker compose port --help
docker compose start --help
docker compose stop --help
docker compose restart --help
docker compose rm --help
docker compose config --help
docker compose version --help
docker compose exec --help
docker compose run --help
docker compose create --help
docker compose kill --help
docker compose pause --help
docker compose unpause --help
docker compose logs --help
docker compose top --help
docker compose images --help
docker compose ps -h
docker compose ps --all --help
