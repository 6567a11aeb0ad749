#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# the health flags' refusals: the client's (negative durations, --no-healthcheck with a --health-* option, malformed values) and the daemon's (an interval under a millisecond)
docker run -d --health-interval -1s busybox
docker run -d --health-timeout -1s busybox
docker run -d --health-retries -1 busybox
docker run -d --health-start-period -1s busybox
docker run -d --no-healthcheck --health-cmd true busybox
docker run -d --health-interval 1x busybox
docker run -d --health-retries x busybox
docker run -d --health-interval 100us --health-cmd true busybox
docker run -d --health-timeout 100us --health-cmd true busybox
docker run -d --health-start-period 100us --health-cmd true busybox
docker create --name hz --no-healthcheck --health-retries 0 busybox
docker inspect -f '{{json .Config.Healthcheck}}' hz
docker create --name hy --health-interval 0s --health-cmd true busybox
docker inspect -f '{{json .Config.Healthcheck}}' hy
docker create --name hx --health-retries 3 busybox
docker inspect -f '{{json .Config.Healthcheck}}' hx
docker run -d --health-start-interval -1s busybox
docker create --name hs --health-start-interval 2s --health-start-period 10s --health-cmd true busybox
docker inspect -f '{{json .Config.Healthcheck}}' hs
docker ps -a --format '{{.Names}} {{.Status}}'
