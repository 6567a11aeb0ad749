#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file .env
WEB_PORT=8088
NET_SUBNET=10.77.0.0/24
#! end
#! file compose.yaml
x-common: &common
  image: busybox:latest
  tty: true
services:
  web:
    <<: *common
    ports: ["${WEB_PORT}:80"]
    networks: [mesh]
  cache:
    <<: *common
    profiles: [extra]
    networks: [mesh]
networks:
  mesh:
    ipam:
      config:
        - subnet: ${NET_SUBNET:-10.99.0.0/24}
    name: ${MESH_NAME:-the_mesh}
#! end
# Interpolation from .env with defaults, anchors and merge keys, profiles.
docker compose config --services
docker compose --profile extra config --services
docker compose up -d
docker compose ps --format '{{.Name}} {{.Ports}}'
docker network inspect the_mesh --format '{{range .IPAM.Config}}{{.Subnet}}{{end}} {{index .Labels "com.docker.compose.network"}}'
docker compose --profile extra up -d
docker compose --profile extra ps --format '{{.Name}}'
docker compose --profile extra down
