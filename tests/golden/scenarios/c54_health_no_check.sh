#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox
    command: sleep 1000
  web:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: service_healthy
#! end
# depends_on service_healthy on a service without a health check: compose's words and exit code
docker compose up -d
docker compose ps -a --format '{{.Name}} {{.Status}} {{.Health}}'
docker compose down
