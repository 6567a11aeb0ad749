#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  migrate:
    image: busybox:latest
    command: ["sh", "-c", "exit 2"]
  app:
    image: busybox:latest
    tty: true
    depends_on:
      migrate:
        condition: service_completed_successfully
#! end
#! file ok.yaml
services:
  migrate:
    image: busybox:latest
    command: ["echo", "done"]
  app:
    image: busybox:latest
    tty: true
    depends_on:
      migrate:
        condition: service_completed_successfully
#! end
# depends_on service_completed_successfully: a dependency that fails, --no-deps, then one that succeeds.
docker compose up -d
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose up -d --no-deps app
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose down
docker compose -f ok.yaml up -d
docker compose -f ok.yaml ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose -f ok.yaml up -d
docker compose -f ok.yaml down
