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
#! file ports.yaml
services:
  db:
    image: busybox:latest
    tty: true
  web:
    image: web:latest
    tty: true
    ports: ["9090:80", "9443:443"]
    depends_on: [db]
#! end
#! file alias.yaml
services:
  db:
    image: busybox:latest
    tty: true
    networks:
      default:
        aliases: [pg]
  web:
    image: web:latest
    tty: true
    ports: ["9090:80", "9443:443"]
    depends_on: [db]
#! end
#! file image.yaml
services:
  db:
    image: busybox:latest
    tty: true
    networks:
      default:
        aliases: [pg]
  web:
    image: busybox:latest
    tty: true
    ports: ["9090:80", "9443:443"]
    depends_on: [db]
#! end
# up after editing ports, aliases and the image: what compose recreates, and what it keeps.
docker compose up -d
docker compose port web 80
docker inspect -f '{{.NetworkSettings.Networks.app_default.IPAddress}}' app-web-1 app-db-1
docker compose up -d
docker compose -f ports.yaml up -d
docker compose -f ports.yaml port web 80
docker compose -f ports.yaml port web 443
docker port app-web-1
docker inspect -f '{{.NetworkSettings.Networks.app_default.IPAddress}}' app-web-1 app-db-1
docker compose -f alias.yaml up -d
docker exec app-web-1 nslookup pg
docker inspect -f '{{.NetworkSettings.Networks.app_default.Aliases}}' app-db-1
docker compose -f image.yaml up -d
docker compose -f image.yaml ps --format '{{.Name}} {{.Image}} {{.Ports}}'
docker compose -f image.yaml up -d --force-recreate
docker inspect -f '{{.NetworkSettings.Networks.app_default.IPAddress}}' app-web-1 app-db-1
docker compose -f image.yaml down
