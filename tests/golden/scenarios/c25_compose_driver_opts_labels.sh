#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  svc:
    image: busybox:latest
    tty: true
    labels:
      team: net
    networks: [custom]
networks:
  custom:
    driver: bridge
    attachable: true
    driver_opts:
      com.docker.network.bridge.name: br-custom
      com.docker.network.driver.mtu: "1400"
    labels:
      - "env=test"
#! end
# Network driver options, attachable, labels on networks and containers.
docker compose up -d
docker network inspect app_custom --format '{{json .Options}} {{.Attachable}} {{json .Labels}}'
ip link show br-custom
docker exec app-svc-1 ip link show eth0
docker inspect -f '{{index .Config.Labels "team"}}' app-svc-1
docker run -itd --name outsider --network app_custom busybox
docker compose down
docker rm -f outsider
docker compose down
docker network ls --format '{{.Name}}'
