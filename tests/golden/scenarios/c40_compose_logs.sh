#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    command: ["httpd", "-f", "-p", "80"]
  job:
    image: busybox:latest
    command: ["sh", "-c", "echo one; echo two"]
    depends_on:
      web:
        condition: service_started
  warn:
    image: busybox:latest
    command: ["sh", "-c", "echo oops >&2"]
    depends_on:
      job:
        condition: service_completed_successfully
#! end
# docker compose logs of a server and of a job that printed and ended: prefixes, --no-log-prefix, --tail, an unknown service; docker logs of the same containers.
docker compose up -d
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose logs job
docker compose logs --no-log-prefix job
docker compose logs -n 1 job
docker compose logs web
docker compose logs warn
docker compose logs --no-log-prefix warn
docker compose logs --tail 1 warn
docker compose start job
docker compose logs job
docker compose logs nosuch
docker logs app-job-1
docker logs app-warn-1
docker compose down
