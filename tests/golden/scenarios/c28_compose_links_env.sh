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
    image: busybox:latest
    tty: true
    network_mode: bridge
    external_links: ["legacy:old"]
    depends_on: [db]
#! end
# network_mode bridge with external_links to a container on the default bridge; hosts and env.
docker run -itd --name legacy busybox
docker compose -f compose.yaml up -d
docker exec app-web-1 cat /etc/hosts
docker exec app-web-1 ping -c 1 -W 1 old
docker inspect -f '{{json .HostConfig.Links}} {{.HostConfig.NetworkMode}}' app-web-1
docker compose down
docker rm -f legacy
