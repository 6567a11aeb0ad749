#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    tty: true
    ports: ["8080:80"]
    networks: [mine]
networks:
  mine:
    ipam:
      config:
        - subnet: 10.50.0.0/24
#! end
#! file other.yaml
services:
  api:
    image: busybox:latest
    tty: true
    ports: ["8080:80"]
#! end
#! file tab.yaml
services:
  web:
	image: busybox:latest
#! end
#! file flow.yaml
services:
  web:
    image: busybox:latest
    ports: ["8080:80"
#! end
#! file dupkey.yaml
services:
  web:
    image: busybox:latest
    image: web:latest
#! end
#! file alias.yaml
services:
  web: *nothing
#! end
#! file deps.yaml
services:
  web:
    image: busybox:latest
    depends_on: [ghost]
#! end
#! file cycle.yaml
services:
  a:
    image: busybox:latest
    depends_on: [b]
  b:
    image: busybox:latest
    depends_on: [a]
#! end
#! file list.yaml
services:
  - web
#! end
# More errors: a port or subnet another project holds, bad YAML at several places, bad depends_on.
docker compose up -d
docker compose -p other up -d
docker compose -p other down
docker compose -f other.yaml -p other up -d
docker compose -f other.yaml -p other ps -a --format '{{.Name}} {{.State}}'
docker compose -f other.yaml -p other down
docker compose -f tab.yaml config
docker compose -f flow.yaml config
docker compose -f dupkey.yaml config
docker compose -f alias.yaml config
docker compose -f deps.yaml up -d
docker compose -f cycle.yaml up -d
docker compose -f list.yaml config
docker compose down
docker network ls --format '{{.Name}}'
