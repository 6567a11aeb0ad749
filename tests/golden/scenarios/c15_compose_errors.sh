#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    tty: true
    networks: [nowhere]
#! end
#! file bad.yaml
services:
  web:
    image: busybox:latest
   tty: true
#! end
#! file overlap.yaml
services:
  one:
    image: busybox:latest
    networks: [a]
networks:
  a:
    ipam:
      config:
        - subnet: 172.17.0.0/16
#! end
#! file taken.yaml
services:
  first:
    image: busybox:latest
    tty: true
    ports: ["8080:80"]
  second:
    image: busybox:latest
    tty: true
    ports: ["8080:80"]
    depends_on: [first]
#! end
#! file empty.yaml
#! end
# Compose's errors: undefined network, bad YAML, overlapping subnet, port taken, unknown service.
docker compose up -d
docker compose -f bad.yaml up -d
docker compose -f bad.yaml config
docker compose -f overlap.yaml up -d
docker compose -f overlap.yaml down
docker compose -f taken.yaml -p ports up -d
docker compose -f taken.yaml -p ports ps -a --format '{{.Name}} {{.State}}'
docker compose -f taken.yaml -p ports down
docker compose -f taken.yaml -p ports exec nope sh
docker compose -f taken.yaml -p ports port nope 80
docker compose -f taken.yaml -p ports up -d nope
docker compose -f empty.yaml config
docker compose -f missing.yaml config
docker compose nosuchcommand
docker network ls --format '{{.Name}}'
