#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker logs' flags on containers whose command ended: -t, --details, --since/--until (relative, absolute, bad), -f of an exited container, with --tail; the log of shells run with -itd, -td, -id and of a command run with a terminal.
docker run -d --name once busybox sh -c 'echo one; echo two; echo three >&2'
docker run -d --name lines busybox sh -c 'echo 1; echo 2; echo 3'
docker run -d --name nonl busybox sh -c 'echo -n abc'
docker run -d --name tty -t busybox sh -c 'echo hi; echo there'
docker run -itd --name it busybox
docker run -td --name tonly busybox
docker run -id --name ionly busybox
docker exec it true
docker exec tonly true
docker logs once
docker logs -f once
docker logs --follow --tail 1 lines
docker logs --details --tail 2 lines
docker logs nonl
docker logs nonl | wc -c
docker logs -t once | wc -l
docker logs --timestamps once | cut -c 31-
docker logs --details once
docker logs --details -t once | cut -c 31-
docker logs --since 1h once
docker logs --since 2000-01-01 once
docker logs --since 2000-01-01T00:00:00Z once
docker logs --since 0 once
docker logs --since 4102444800 once
docker logs --since 2099-01-01 once
docker logs --until 1h once
docker logs --until 2000-01-01 once
docker logs --until 2099-01-01 once
docker logs --until 0 once
docker logs --since 1h --until 2099-01-01 once
docker logs --since nosuch once
docker logs --until nosuch once
docker logs --since 1x once
docker logs --since -1h once
docker logs --tail x once
docker logs --tail -1 once
docker logs tty
docker logs -f tty
docker logs it
docker logs tonly
docker logs ionly
docker logs -t it | cut -c 31-
docker logs --details it
docker ps -a --format '{{.Names}} {{.Status}}'
docker stop -t 1 it
docker logs it
docker logs -f it
docker start it
docker exec it true
docker logs it
docker logs -n 1 it
