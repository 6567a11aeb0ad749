#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker run's health flags: the state before the first probe, after one probe that passes, fails, fails inside the start period; ps STATUS, the health filter, inspect's State.Health and Config.Healthcheck (a 5s interval and a 6s sleep: one probe each when observed, the start interval 5s by default on 26 and 28)
docker run -d --name ok --health-cmd 'echo hi' --health-interval 5s --health-retries 1 busybox sleep 1000
docker run -d --name bad --health-cmd 'exit 1' --health-interval 5s --health-retries 1 busybox sleep 1000
docker run -d --name early --health-cmd false --health-interval 5s --health-retries 1 --health-start-period 1h busybox sleep 1000
docker run -d --name slow --health-cmd true --health-timeout 5s --health-retries 4 busybox sleep 1000
docker run -d --name plain busybox sleep 1000
docker run -d --name off --no-healthcheck busybox sleep 1000
docker ps --format '{{.Names}} {{.Status}}'
docker inspect -f '{{json .State.Health}}' ok
docker inspect -f '{{json .State.Health}}' plain
docker inspect -f '{{json .Config.Healthcheck}}' ok
docker inspect -f '{{json .Config.Healthcheck}}' slow
docker inspect -f '{{json .Config.Healthcheck}}' off
docker inspect -f '{{json .Config.Healthcheck}}' plain
sleep 6
docker ps --format '{{.Names}} {{.Status}}'
docker ps --filter health=healthy --format '{{.Names}}'
docker ps --filter health=unhealthy --format '{{.Names}}'
docker ps --filter health=starting --format '{{.Names}}'
docker ps --filter health=none --format '{{.Names}}'
docker ps --filter health=bogus --format '{{.Names}}'
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' ok bad early slow
docker inspect -f '{{range .State.Health.Log}}{{.ExitCode}} {{printf "%q" .Output}}{{end}}' ok bad early
docker inspect -f '{{json .State.Health}}' bad
docker stop -t 0 ok
docker inspect -f '{{json .State.Health}}' ok
docker ps -a --filter name=ok --format '{{.Names}} {{.Status}}'
docker start ok
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' ok
docker rm -f ok bad early slow plain off
