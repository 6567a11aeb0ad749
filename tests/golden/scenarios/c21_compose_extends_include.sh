#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file base.yaml
services:
  common:
    image: busybox:latest
    tty: true
    dns_search: [corp.test]
#! end
#! file db.yaml
services:
  db:
    image: busybox:latest
    tty: true
    networks: [data]
networks:
  data:
    ipam:
      config:
        - subnet: 10.44.0.0/24
#! end
#! file compose.yaml
include:
  - db.yaml
services:
  app:
    extends:
      file: base.yaml
      service: common
    hostname: app
    networks: [data, default]
    depends_on: [db]
#! end
# extends (from another file) and include: what compose loads, then runs.
docker compose config
docker compose config --services
docker compose --progress quiet up -d
docker compose ps --format '{{.Name}} {{.Networks}}'
docker exec app-app-1 cat /etc/resolv.conf
docker exec app-app-1 ping -c 1 -W 1 db
docker compose --progress quiet down
docker network ls --format '{{.Name}}'
