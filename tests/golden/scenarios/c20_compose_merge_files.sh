#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    tty: true
    ports: ["8080:80"]
    environment:
      MODE: base
#! end
#! file compose.override.yaml
services:
  web:
    hostname: overridden
    ports: ["8443:443"]
    environment:
      MODE: override
#! end
#! file prod.yaml
services:
  web:
    image: web:latest
    dns: [127.0.0.1]
#! end
# Several files merged as compose merges them: the override file by default, -f lists in order.
docker compose config
docker compose -f compose.yaml config
docker compose -f compose.yaml -f prod.yaml config
docker compose up -d
docker compose ps --format '{{.Name}} {{.Image}} {{.Ports}}'
docker exec app-web-1 hostname
docker inspect -f '{{index .Config.Labels "com.docker.compose.project.config_files"}}' app-web-1
docker compose ls
docker compose down
