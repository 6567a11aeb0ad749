#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file noenv.yaml
services:
  web:
    image: busybox:latest
    env_file: missing.env
#! end
#! file grace.yaml
services:
  web:
    image: busybox:latest
    stop_grace_period: soon
#! end
#! file health.yaml
services:
  web:
    image: busybox:latest
    healthcheck:
      test: ["CMD", "true"]
      interval: often
#! end
#! file caps.yaml
services:
  web:
    image: busybox:latest
    cap_add: NET_ADMIN
#! end
#! file sysctl.yaml
services:
  web:
    image: busybox:latest
    sysctls:
      - net.core.somaxconn=1024
      - net.ipv4.tcp_syncookies=0
    restart: "on-failure:3"
    init: false
#! end
#! file envs.yaml
services:
  web:
    image: busybox:${TAG:-latest}
    ports: ["${PORT:-8080}:80"]
    profiles: [web]
  db:
    image: busybox:latest
    environment:
      LEVEL: ${LEVEL:?set LEVEL first}
#! end
#! file prod.env
TAG=stable
PORT=9090
LEVEL=3
COMPOSE_PROFILES=web
#! end
# What compose says about a missing env_file, bad durations, a string where a list goes; sysctls as a list; --env-file and COMPOSE_PROFILES.
docker compose -f noenv.yaml config
docker compose -f noenv.yaml up -d
docker compose -f grace.yaml config
docker compose -f health.yaml config
docker compose -f caps.yaml config
docker compose -f sysctl.yaml config
docker compose -f sysctl.yaml config --format json
docker compose -f envs.yaml config --services
docker compose -f envs.yaml --env-file prod.env config
docker compose -f envs.yaml --env-file prod.env config --services | sort
docker compose -f envs.yaml --env-file missing.env config
LEVEL=1 COMPOSE_PROFILES=web docker compose -f envs.yaml config --services | sort
LEVEL=1 docker compose -f envs.yaml --profile web config --images | sort
docker compose -f envs.yaml config --variables | sort
docker compose -f envs.yaml --env-file prod.env config --variables --format json
