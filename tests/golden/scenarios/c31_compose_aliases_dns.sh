#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox:latest
    tty: true
    networks:
      default:
        aliases: [database, store]
      back:
        aliases: [store]
  cache:
    image: busybox:latest
    tty: true
    container_name: memcache
    networks:
      back:
        aliases: [store]
    depends_on: [db]
  web:
    image: busybox:latest
    tty: true
    depends_on: [cache]
networks:
  back:
    ipam:
      config:
        - subnet: 10.88.0.0/24
#! end
# Aliases and DNS answers: per network, shared between services, container names, across networks.
docker compose --progress quiet up -d
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.Aliases}} {{$v.DNSNames}}; {{end}}' app-db-1 memcache app-web-1
docker exec app-web-1 nslookup database
docker exec app-web-1 nslookup store
docker exec app-web-1 nslookup memcache
docker exec app-web-1 nslookup app-db-1
docker exec app-web-1 nslookup cache
docker exec memcache nslookup store
docker exec memcache nslookup store | grep -c Address
docker exec memcache nslookup web
docker exec memcache nslookup db
docker exec app-db-1 nslookup memcache
docker exec app-db-1 ping -c 1 -W 1 web
docker exec app-web-1 ping -c 1 -W 1 memcache
docker compose --progress quiet down
