#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  init:
    image: busybox:latest
    command: ["true"]
  db:
    image: busybox:latest
    tty: true
    depends_on:
      init:
        condition: service_completed_successfully
  web:
    image: busybox:latest
    tty: true
    depends_on:
      db:
        condition: service_started
      debug:
        condition: service_started
        required: false
  debug:
    image: busybox:latest
    tty: true
    profiles: [dev]
    depends_on: [db]
  tools:
    image: busybox:latest
    tty: true
    profiles: [dev, ops]
    network_mode: none
    depends_on: [web]
#! end
# Profiles and depends_on conditions: what up starts, with and without --profile, and config's view.
docker compose config --services
docker compose --profile dev config --services
docker compose --profile ops config --services
docker compose up -d
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose --profile dev up -d
docker compose --profile dev ps -a --format '{{.Name}} {{.State}}'
docker compose up -d tools
docker compose --profile dev ps --services
docker compose --profile dev --profile ops down
docker network ls --format '{{.Name}}'
