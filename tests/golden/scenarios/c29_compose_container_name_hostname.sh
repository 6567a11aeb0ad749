#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  cache:
    image: busybox:latest
    tty: true
    container_name: redis-main
    hostname: cachehost
    domainname: example.test
  app:
    image: busybox:latest
    tty: true
    depends_on: [cache]
#! end
# container_name, hostname, domainname: names in DNS, /etc/hosts and inspect.
docker compose up -d
docker compose ps --format '{{.Name}} {{.Service}}'
docker exec app-app-1 nslookup redis-main
docker exec app-app-1 nslookup cache
docker exec redis-main hostname
docker exec redis-main cat /etc/hosts
docker exec redis-main hostname -f
docker inspect -f '{{.Config.Hostname}} {{.Config.Domainname}} {{.NetworkSettings.Networks.app_default.Aliases}}' redis-main
docker compose up -d --scale cache=2
docker compose down
