#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    command: sleep 1000
    networks: [v6only]
networks:
  v6only:
    enable_ipv4: false
    enable_ipv6: true
    ipam:
      config:
        - subnet: fd00:85::/64
#! end
# compose's enable_ipv4 (compose 2.40): written back by config (one network: compose makes a project's networks in Go map order), an IPv6-only network on 28 (26 and 20.10 keep IPv4: their API has no such field).
docker compose config
docker compose config --format json | grep enable_ipv
docker compose up -d
docker network inspect app_v6only --format '{{.EnableIPv6}} {{json .IPAM.Config}}'
docker inspect app-web-1 --format '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} [{{$v.IPAddress}}] [{{$v.GlobalIPv6Address}}] {{end}}'
docker compose down
