#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox
    command: sleep 1000
    healthcheck:
      disable: true
#! end
# healthcheck disable: Test NONE, and up --wait refuses to wait for such a service
docker compose up -d --wait
docker compose ps -a --format '{{.Name}} {{.Status}} {{.Health}}'
docker inspect -f '{{json .Config.Healthcheck}} {{json .State.Health}}' app-web-1
docker compose down
