#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  worker:
    image: busybox:latest
    tty: true
    deploy:
      replicas: 1
#! end
# Scaling a service: names, numbers and addresses of replicas (one at a time, so the order repeats).
docker compose up -d
docker compose up -d --scale worker=2
docker compose up -d --scale worker=3
docker compose ps --format '{{.Name}} {{.Service}}'
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.app_default.IPAddress}} {{index .Config.Labels "com.docker.compose.container-number"}}' app-worker-1 app-worker-2 app-worker-3
docker exec app-worker-1 nslookup worker | grep -c Address
docker compose up -d --scale worker=1
docker compose ps --format '{{.Name}}'
docker compose down
