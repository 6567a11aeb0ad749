#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file app.env
FROM_FILE=yes
SHARED=file
# a comment
#! end
#! file compose.yaml
services:
  web:
    image: web:latest
    command: sh -c "echo up && sleep 3600"
    restart: unless-stopped
    working_dir: /srv
    init: true
    env_file: app.env
    environment:
      SHARED: env
      NUM: 5
      FLAG: true
    labels:
      - "tier=front"
      - "team=blue"
    ports:
      - target: 80
        published: "8081"
        host_ip: 127.0.0.1
        protocol: tcp
        mode: host
    extra_hosts:
      - "gw.test:192.0.2.1"
    cap_add: [NET_ADMIN]
    sysctls:
      net.ipv4.ip_forward: 1
    stop_grace_period: 5s
    stop_signal: SIGINT
    hostname: shop
    healthcheck:
      test: ["CMD", "true"]
      interval: 30s
      timeout: 5s
      retries: 3
#! end
# What config prints for the keys a student's file has (restart, env_file, working_dir, init, labels as a list, long ports, sysctls, healthcheck …), and what the container gets.
docker compose config
docker compose config --format json
docker compose up -d
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' app-web-1 | sort
docker inspect -f '{{json .Config.Labels}}' app-web-1 | grep -o '"t[a-z]*":"[a-z]*"'
docker compose ps --format '{{.Name}} {{.Ports}}'
docker compose port web 80
docker compose down
