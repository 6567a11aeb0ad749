#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  api:
    image: busybox:latest
    tty: true
    networks: [back]
  proxy:
    image: busybox:latest
    tty: true
    ports: ["8080:80"]
    networks: [front]
    depends_on: [api]
networks:
  front:
    ipam:
      config: [{subnet: 10.1.0.0/24}]
  back:
    ipam:
      config: [{subnet: 10.2.0.0/24}]
#! end
#! file compose2.yaml
services:
  api:
    image: busybox:latest
    tty: true
    networks: [back]
  proxy:
    image: busybox:latest
    tty: true
    ports: ["8080:80"]
    networks: [front, back]
    depends_on: [api]
networks:
  front:
    ipam:
      config: [{subnet: 10.1.0.0/24}]
  back:
    ipam:
      config: [{subnet: 10.2.0.0/24}]
  extra: {}
#! end
# Re-running up after an edit (the proxy joins back): what compose recreates, and --remove-orphans.
docker compose --progress quiet up -d
docker exec app-proxy-1 ping -c 1 -W 1 api
docker compose --progress quiet up -d
docker compose --progress quiet -f compose2.yaml up -d
docker exec app-proxy-1 ping -c 1 -W 1 api
docker network ls --format '{{.Name}}'
docker compose -f compose2.yaml up -d --force-recreate proxy
docker compose -f compose2.yaml ps --format '{{.Name}} {{.Networks}}'
docker compose -f compose2.yaml down
docker network ls --format '{{.Name}}'
