#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox
    command: sleep 1000
    healthcheck:
      test: exit 1
      interval: 2s
      retries: 1
  web:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: service_healthy
#! end
# a dependency that fails its probe: compose gives up on the dependent with its words and exit code
docker compose up -d
docker compose ps -a --format '{{.Name}} {{.Status}} {{.Health}}'
docker inspect -f '{{json .Config.Healthcheck}}' app-db-1
docker inspect -f '{{.State.Health.Status}} {{with index .State.Health.Log 0}}{{.ExitCode}} {{printf "%q" .Output}}{{end}}' app-db-1
docker compose down
