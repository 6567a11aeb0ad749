#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  db:
    image: busybox:latest
    tty: true
  web:
    image: web:latest
    tty: true
    ports: ["8080:80"]
    depends_on: [db]
#! end
# compose run before up (it creates the networks and starts the dependencies), its flags, the command's exit code, --rm, and create/kill/pause of a project.
docker compose --progress plain run --rm -T web hostname -i
docker compose ps -a --format '{{.Name}} {{.State}}'
docker network ls --filter label=com.docker.compose.project=app --format '{{.Name}}'
docker compose run --rm -T --no-deps db sh -c 'exit 3'
docker compose run --rm -T -e FOO=bar db sh -c 'echo $FOO'
docker compose run --rm -T -w /tmp db pwd
docker compose run --rm -T --entrypoint hostname db -i
docker compose run --rm -T --name named db hostname
docker compose run -T --name done db true
docker compose ps -a --format '{{.Service}} {{.State}} {{.ExitCode}}'
docker ps -a --filter label=com.docker.compose.oneoff=True --format '{{.Status}}'
docker compose run -d --name bg -p 9090:80 web sleep 100
docker ps --filter label=com.docker.compose.oneoff=True --format '{{.Ports}}'
docker rm -f done bg
docker compose down
docker compose create
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose kill
docker compose start
docker compose --progress quiet pause
docker compose ps -a --format '{{.Name}} {{.State}}'
docker compose --progress quiet unpause
docker compose --progress quiet kill -s KILL
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose down
