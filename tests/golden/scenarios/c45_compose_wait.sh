#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  job:
    image: busybox:latest
    command: sh -c 'exit 3'
  srv:
    image: busybox:latest
    tty: true
    depends_on: [job]
#! end
# compose wait: a service whose container has ended, an unknown service, no service, another project; wait's flags.
docker compose up -d
sleep 2
docker compose ps -a --format '{{.Name}} {{.State}} {{.ExitCode}}'
docker compose wait job
docker compose wait --down-project job
docker compose wait nope
docker compose wait
docker compose wait --bogus job
docker compose -p empty wait job
docker compose down
