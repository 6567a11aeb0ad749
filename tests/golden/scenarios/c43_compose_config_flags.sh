#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
name: shop
services:
  db:
    image: busybox:latest
    tty: true
    profiles: [tools, debug]
  api:
    image: busybox:latest
    tty: true
    environment:
      PRICE: "$$5"
      MODE: ${MODE:-dev}
    networks: [back]
  web:
    image: web:latest
    tty: true
    ports: ["8080:80"]
    depends_on: [api]
    networks: [default, back]
networks:
  default:
    driver_opts:
      com.docker.network.bridge.name: shopbr0
  back: {}
#! end
# config's listing flags (services, images, profiles, volumes, networks, hash), its format and output errors; version's forms.
docker compose config --services
docker compose config --images | sort
docker compose config --profiles
docker compose config --volumes
docker compose config --networks | sort
docker compose config --hash '*'
docker compose config --hash web,api
docker compose config --hash nope
docker compose config --hash
docker compose --profile debug config --hash '*'
docker compose --profile debug config --services | sort
docker compose --profile debug config --images | sort
docker compose config --format xml
docker compose config -q --format xml
docker compose config --format yaml api
docker compose config -o out.yaml
docker compose -f out.yaml config --hash '*'
docker compose config --format json --output out.json
docker compose -f out.json config --services
docker compose version
docker compose version --short
docker compose version --format json
docker compose version -f pretty
docker compose version --format xml
docker compose version extra
docker compose --version
docker compose -v
