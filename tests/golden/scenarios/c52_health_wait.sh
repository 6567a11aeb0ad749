#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox
    command: sleep 1000
    healthcheck:
      test: ["CMD-SHELL", "echo ok"]
      interval: 2s
      timeout: 3s
      retries: 2
      start_period: 1s
  web:
    image: busybox
    command: sleep 1000
    depends_on:
      db:
        condition: service_started
#! end
# up --wait waits for the service's check to pass (one service: compose waits for several in parallel, in no fixed order); a dependent with service_started, once the dependency runs
docker compose up -d --wait db
docker compose up -d web
docker compose ps -a --format '{{.Name}} {{.Status}} {{.Health}}'
docker inspect -f '{{json .Config.Healthcheck}}' app-db-1 app-web-1
docker inspect -f '{{.State.Health.Status}} {{with index .State.Health.Log 0}}{{.ExitCode}} {{printf "%q" .Output}}{{end}}' app-db-1
docker compose down
