#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  tool:
    image: busybox:latest
    command: ["echo", "hi"]
    working_dir: /etc
    environment:
      MODE: file
    ports:
      - "8085:80"
#! end
# docker compose run's flags that reach the one-off container: -w, -u, -e, -l, --entrypoint, --cap-add, --name, -p, --service-ports; what inspect shows.
docker compose run -d --name one -w /tmp -u 1000 -e MODE=flag -e EXTRA=1 -l team=red --cap-add NET_ADMIN tool sleep 3600
docker inspect -f '{{.Config.WorkingDir}}|{{.Config.User}}|{{json .HostConfig.CapAdd}}|{{index .Config.Labels "team"}}|{{index .Config.Labels "com.docker.compose.oneoff"}}' one
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' one | sort
docker exec one pwd
docker compose run -d --name two --entrypoint "sleep" tool 3600
docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.WorkingDir}}' two
docker compose run -d --name three -p 127.0.0.1:8090:80 tool sleep 3600
docker port three
docker compose run -d --name four --service-ports tool sleep 3600
docker port four
docker compose run --rm tool
docker compose run --rm -w /var tool pwd
docker compose ps -a --format '{{.Name}} {{.Service}}'
docker compose down
