#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  one:
    image: busybox:latest
    tty: true
    networks:
      n1:
        ipv4_address: 10.70.0.300
networks:
  n1:
    ipam:
      config:
        - subnet: 10.70.0.0/24
#! end
#! file dup.yaml
services:
  a:
    image: busybox:latest
    tty: true
    networks:
      n:
        ipv4_address: 10.71.0.5
  b:
    image: busybox:latest
    tty: true
    depends_on: [a]
    networks:
      n:
        ipv4_address: 10.71.0.5
networks:
  n:
    ipam:
      config:
        - subnet: 10.71.0.0/24
#! end
#! file mode.yaml
services:
  a:
    image: busybox:latest
    network_mode: host
    networks: [x]
networks:
  x: {}
#! end
#! file types.yaml
services:
  a:
    image: busybox:latest
    tty: "yes"
#! end
#! file unknown.yaml
services:
  a:
    image: busybox:latest
    colour: blue
#! end
# Errors from the daemon and from compose's validation: bad address, address taken, mutually exclusive keys, types.
docker compose up -d
docker compose down
docker compose -f dup.yaml up -d
docker compose -f dup.yaml ps -a --format '{{.Name}} {{.State}}'
docker compose -f dup.yaml down
docker compose -f mode.yaml up -d
docker compose -f types.yaml config
docker compose -f unknown.yaml config
docker compose -f compose.yaml -f missing.yaml config
docker compose up -d --scale nope=2
