#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  a:
    image: busybox:latest
    tty: true
  b:
    image: busybox:latest
    tty: true
    depends_on: [a]
#! end
# ls and ps with filters, statuses and formats across projects.
docker compose -p one up -d
docker compose -p two up -d
docker compose -p two stop b
docker compose ls
docker compose ls -a
docker compose ls -q
docker compose ls --filter name=one
docker compose -p two ps
docker compose -p two ps -a
docker compose -p two ps --status exited --format '{{.Name}}'
docker compose -p two ps --filter status=running --format '{{.Name}}'
docker compose -p two ps --format json b
docker compose -p one down
docker compose -p two down
