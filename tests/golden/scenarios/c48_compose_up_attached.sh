#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  init:
    image: busybox:latest
    command: sh -c 'echo preparing; echo done'
  app:
    image: busybox:latest
    command: sh -c 'echo app says hi; exit 2'
    depends_on:
      init:
        condition: service_completed_successfully
#! end
#! file solo.yaml
services:
  hello:
    image: busybox:latest
    command: echo hello from compose
#! end
# up without -d: compose attaches, prints each service's output and how it exited; --abort-on-container-exit, --exit-code-from, --attach, --no-attach, --attach-dependencies, one service named.
docker compose -f solo.yaml up
docker compose -f solo.yaml ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose -f solo.yaml up --no-log-prefix
docker compose -f solo.yaml down
docker compose up --abort-on-container-exit
docker compose up --exit-code-from app
docker compose up --exit-code-from nope
docker compose up --attach app
docker compose up app
docker compose up --attach-dependencies app
docker compose up --no-attach init
docker compose up --abort-on-container-failure
docker compose up --abort-on-container-exit --abort-on-container-failure
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose down
