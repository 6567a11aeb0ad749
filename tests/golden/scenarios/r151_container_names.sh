#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  x:
    image: busybox:latest
    container_name: q
#! end
# Container names Docker refuses: one character (the rule wants two), a leading '.', '_' or '-'.
docker create --name a busybox
docker create --name /b busybox
docker create --name 7 busybox
docker run -d --name z busybox
docker create --name _a busybox
docker create --name .a busybox
docker create --name a. busybox
docker create --name ab busybox
docker create --name /cd busybox
docker rename ab c
docker rename ab /c
docker rename ab e_
docker compose up -d
docker ps -a --format '{{.Names}}'
