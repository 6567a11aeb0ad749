#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker attach: to a container whose command ends (its output from then on, its exit status), to one with a terminal from a script, to a paused one.
docker run -d --name a1 busybox sh -c 'sleep 2; echo done; exit 4'
docker attach a1
docker ps -a --format '{{.Names}} {{.Status}}'
docker logs a1
docker attach a1
docker run -d --name a2 busybox sh -c 'sleep 2; echo out; echo err >&2'
docker attach a2
docker run -d --name a5 busybox sh -c 'sleep 2; echo quiet'
docker attach --no-stdin a5
docker run -itd --name a3 busybox
docker attach a3
docker ps -a --format '{{.Names}} {{.Status}}'
docker pause a3
docker attach a3
docker unpause a3
docker container attach nope
docker attach a1 a3
