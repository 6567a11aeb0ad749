#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  api:
    image: busybox:latest
    tty: true
    networks: [net]
networks:
  net:
    ipam:
      config:
        - subnet: 10.31.0.0/24
#! end
#! file subnet.yaml
services:
  api:
    image: busybox:latest
    tty: true
    networks: [net]
networks:
  net:
    ipam:
      config:
        - subnet: 10.32.0.0/24
#! end
#! file labels.yaml
services:
  api:
    image: busybox:latest
    tty: true
    networks: [net]
networks:
  net:
    labels:
      tier: api
    ipam:
      config:
        - subnet: 10.31.0.0/24
#! end
#! file static.yaml
services:
  api:
    image: busybox:latest
    tty: true
    networks:
      net:
        ipv4_address: 10.31.0.77
networks:
  net:
    ipam:
      config:
        - subnet: 10.31.0.0/24
#! end
#! file default.yaml
services:
  api:
    image: busybox:latest
    tty: true
#! end
# up after editing a network itself (subnet, labels), a static address, then leaving it for the default network.
docker compose up -d
docker compose -f subnet.yaml up -d
docker network inspect app_net --format '{{range .IPAM.Config}}{{.Subnet}}{{end}} {{len .Containers}}'
docker compose -f labels.yaml up -d
docker network inspect app_net --format '{{range .IPAM.Config}}{{.Subnet}}{{end}} {{json .Labels}}'
docker compose up -d
docker compose -f static.yaml up -d
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' app-api-1
docker compose -f default.yaml up -d
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' app-api-1
docker network ls --format '{{.Name}}'
docker compose -f default.yaml down
docker network ls --format '{{.Name}}'
docker compose down
docker network ls --format '{{.Name}}'
