#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
name: odd
services:
  web:
    image: web:latest
    tty: true
    ports:
      - 80
      - "127.0.0.1:8080:80"
      - "9000-9001:9000-9001/udp"
      - target: 443
        published: 8443
    expose: [5000, "6000/udp"]
    environment:
      - A=1
      - B
      - "C=two words"
    networks:
      front:
      back:
        aliases: [w]
    depends_on: [db]
  db:
    image: busybox:latest
    tty: true
    networks:
      back: {}
    dns: 127.0.0.1
    dns_search: corp.test
    extra_hosts:
      gw.test: 192.0.2.1
networks:
  front:
  back:
    internal: false
    ipam:
      config:
        - subnet: "10.66.0.0/24"
#! end
# config with odd inputs: short forms, null networks, lists as strings, maps as lists; what config prints, then up.
docker compose config
docker compose config --services
docker compose config --networks
docker compose config --format json
docker compose config -q
docker compose --progress quiet up -d
docker compose ps --format '{{.Name}} {{.Ports}}'
docker inspect -f '{{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.ExtraHosts}} {{json .Config.ExposedPorts}}' odd-db-1 odd-web-1
docker compose --progress quiet down
