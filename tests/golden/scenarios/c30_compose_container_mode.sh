#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  main:
    image: busybox:latest
    tty: true
    hostname: mainhost
  helper:
    image: busybox:latest
    tty: true
    network_mode: "service:main"
    depends_on: [main]
  guest:
    image: busybox:latest
    tty: true
    network_mode: "container:outside"
    depends_on: [helper]
#! end
#! file badservice.yaml
services:
  a:
    image: busybox:latest
    tty: true
    network_mode: "service:ghost"
#! end
#! file badcontainer.yaml
services:
  a:
    image: busybox:latest
    tty: true
    network_mode: "container:ghost"
#! end
#! file ports.yaml
services:
  a:
    image: busybox:latest
    tty: true
  b:
    image: busybox:latest
    tty: true
    network_mode: "service:a"
    ports: ["8080:80"]
    depends_on: [a]
#! end
# network_mode container: and service: side by side: whose namespace each joins, and the errors.
docker run -itd --name outside --network none busybox
docker compose up -d
docker inspect -f '{{.Name}} {{.HostConfig.NetworkMode}} {{len .NetworkSettings.Networks}}' app-main-1 app-helper-1 app-guest-1
docker exec app-helper-1 hostname
docker exec app-helper-1 hostname -i
docker exec app-guest-1 ip a
docker exec app-main-1 nslookup helper
docker compose ps --format '{{.Name}} {{.Service}} {{.Networks}}'
docker compose restart main
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose down
docker compose -f badservice.yaml up -d
docker compose -f badservice.yaml config
docker compose -f badcontainer.yaml up -d
docker compose -f badcontainer.yaml down
docker compose -f ports.yaml up -d
docker compose -f ports.yaml down
docker ps -a --format '{{.Names}}'
docker rm -f outside
