#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox
    command: sleep 1000
    healthcheck:
      test: ["CMD", "true"]
      interval: 2s
      retries: 1
  web:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: service_healthy
#! end
# depends_on condition service_healthy: compose waits for the dependency's first passing probe, then starts the dependent; ps shows the health
docker compose up -d
docker compose ps --format '{{.Name}} {{.Status}} {{.Health}}'
docker ps --format '{{.Names}} {{.Status}}'
docker inspect -f '{{json .Config.Healthcheck}}' app-db-1
docker inspect -f '{{.State.Health.Status}} {{with index .State.Health.Log 0}}{{.ExitCode}} {{printf "%q" .Output}}{{end}}' app-db-1
docker compose down
