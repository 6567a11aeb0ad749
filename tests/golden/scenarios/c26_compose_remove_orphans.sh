#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  keep:
    image: busybox:latest
    tty: true
  old:
    image: busybox:latest
    tty: true
    depends_on: [keep]
#! end
#! file next.yaml
services:
  keep:
    image: busybox:latest
    tty: true
#! end
# Orphans: a service removed from the file; the warning, then --remove-orphans; down --remove-orphans.
docker compose up -d
docker compose -f next.yaml up -d
docker compose -f next.yaml ps -a --format '{{.Name}}'
docker compose -f next.yaml up -d --remove-orphans
docker compose -f next.yaml ps -a --format '{{.Name}}'
docker compose up -d
docker compose -f next.yaml down --remove-orphans
docker ps -a --format '{{.Names}}'
