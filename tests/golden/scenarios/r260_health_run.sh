#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker run's health flags: the state before the first probe, after one that passes, one that fails, failures inside the start period; ps STATUS, the health filter, inspect's State.Health and Config.Healthcheck. A 15s interval and a 16s sleep; on a loaded machine more probes may run before a state is observed, so what is shown does not depend on how many ran after the first (the start interval is 5s by default on 26 and 28).
docker run -d --name plain busybox sleep 1000
docker run -d --name off --no-healthcheck busybox sleep 1000
docker inspect -f '{{json .Config.Healthcheck}}' off
docker inspect -f '{{json .Config.Healthcheck}}' plain
docker inspect -f '{{json .State.Health}}' plain
docker run -d --name ok --health-cmd 'echo hi' --health-interval 15s --health-retries 1 busybox sleep 1000
docker run -d --name bad --health-cmd 'exit 1' --health-interval 15s --health-retries 1 busybox sleep 1000
docker run -d --name early --health-cmd false --health-interval 15s --health-retries 1 --health-start-period 1h busybox sleep 1000
docker run -d --name slow --health-cmd true --health-interval 1h --health-timeout 5s --health-retries 4 busybox sleep 1000
docker ps --format '{{.Names}} {{.Status}}'
docker inspect -f '{{json .State.Health}}' ok
docker inspect -f '{{json .Config.Healthcheck}}' ok
docker inspect -f '{{json .Config.Healthcheck}}' slow
sleep 16
docker ps --format '{{.Names}} {{.Status}}'
docker ps --filter health=healthy --format '{{.Names}}'
docker ps --filter health=unhealthy --format '{{.Names}}'
docker ps --filter health=starting --format '{{.Names}}'
docker ps --filter health=none --format '{{.Names}}'
docker ps --filter health=bogus --format '{{.Names}}'
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' ok early slow
docker inspect -f '{{.State.Health.Status}} {{len .State.Health.Log}}' slow
docker inspect -f '{{with index .State.Health.Log 0}}{{.ExitCode}} {{printf "%q" .Output}}{{end}}' ok bad early
docker inspect -f '{{json (index .State.Health.Log 0)}}' bad
docker stop -t 0 ok
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{json (index .State.Health.Log 0)}}' ok
docker ps -a --filter name=ok --format '{{.Names}} {{.Status}}'
docker start ok
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' ok
docker rm -f ok bad early slow plain off
