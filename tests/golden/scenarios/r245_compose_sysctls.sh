#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    command: ["sleep", "1000"]
    sysctls:
      net.core.somaxconn: 1024
      net.ipv4.tcp_syncookies: 0
  db:
    image: busybox:latest
    command: ["sleep", "1000"]
    sysctls:
      - net.ipv4.ip_unprivileged_port_start=80
    depends_on: [web]
#! end
# compose's sysctls: a mapping and a list, reaching the containers and their inspect
docker compose config
docker compose up -d
docker inspect -f '{{json .HostConfig.Sysctls}}' app-web-1
docker inspect -f '{{json .HostConfig.Sysctls}}' app-db-1
docker compose exec -T web sysctl net.core.somaxconn net.ipv4.tcp_syncookies net.ipv4.ping_group_range
docker compose exec -T db sysctl net.ipv4.ip_unprivileged_port_start net.core.somaxconn
docker compose down
