#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
name: shop
services:
  front:
    image: busybox:latest
    tty: true
    networks:
      public:
        aliases: [www, shopfront]
      private:
        ipv4_address: 10.20.0.50
    depends_on: [db]
  db:
    image: busybox:latest
    tty: true
    hostname: database
    networks:
      private:
        aliases: [pg]
networks:
  public:
    driver: bridge
    ipam:
      config:
        - subnet: 10.10.0.0/24
          gateway: 10.10.0.254
  private:
    internal: true
    labels:
      tier: data
    ipam:
      driver: default
      config:
        - subnet: 10.20.0.0/24
          ip_range: 10.20.0.128/25
#! end
# Custom networks with IPAM, aliases, internal, labels, a static address; DNS between services.
docker compose --progress quiet up -d
docker network ls --format '{{.Name}} {{.Driver}} {{.Internal}}'
docker network inspect shop_public --format '{{json .IPAM}} {{json .Labels}}'
docker network inspect shop_private --format '{{json .IPAM}} {{.Internal}} {{json .Labels}}'
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{$v.Aliases}}; {{end}}' shop-front-1 shop-db-1
docker exec shop-front-1 nslookup pg
docker exec shop-front-1 nslookup db
docker exec shop-front-1 ping -c 1 -W 1 database
docker exec shop-db-1 nslookup www
docker exec shop-db-1 nslookup shopfront
docker exec shop-front-1 ip route
docker exec shop-db-1 ip route
docker exec shop-db-1 hostname
docker compose ps --format '{{.Name}} {{.Networks}}'
docker compose down
docker network ls --format '{{.Name}}'
