#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file docker-compose.yml
version: "3.8"
services:
  db:
    image: busybox:latest
    container_name: mydb
    restart: always
    tty: true
    environment:
      - DB_USER=admin
      - DB_PASS=secret
  web:
    image: web:latest
    restart: always
    tty: true
    ports:
      - "8080:80"
    links:
      - db
    depends_on:
      - db
#! end
# A file as tutorials write it: docker-compose.yml, the obsolete version key, container_name, links, restart: always.
docker compose config
docker compose config --services
docker compose up -d
docker compose ps --format '{{.Name}} {{.Service}} {{.State}} {{.Ports}}'
docker compose exec -T web nslookup db
docker compose exec -T web nslookup mydb
docker compose ls --format '{{.Name}} {{.Status}}'
docker compose ps --services
docker compose down
