#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  web:
    image: web:latest
    entrypoint: ["sh", "-c"]
    command: ["sleep 3600"]
    restart: on-failure:3
    working_dir: /tmp
    user: "1000:1000"
    init: true
    privileged: false
    read_only: true
    cap_add: [NET_ADMIN, net_raw]
    cap_drop: [MKNOD]
    stop_signal: SIGINT
    stop_grace_period: 1m30s
    hostname: shop
    domainname: example.test
    dns: [192.0.2.53]
    dns_search: [corp.test]
    dns_opt: ["ndots:2", "timeout:1"]
    extra_hosts:
      gw.test: 192.0.2.1
    expose: ["8080", "9000-9001/udp"]
    labels:
      tier: front
  db:
    image: busybox:latest
    command: sleep 3600
    restart: always
    privileged: true
#! end
# Which service keys reach the container: each one's field in docker inspect after up (the privileged one only created: 20.10's runc cannot start it here).
docker compose config
docker compose up -d web
docker compose create db
docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Path}} {{json .Args}}' app-web-1
docker inspect -f '{{json .HostConfig.RestartPolicy}}' app-web-1 app-db-1
docker inspect -f '{{.Config.WorkingDir}}|{{.Config.User}}|{{.Config.Hostname}}|{{.Config.Domainname}}' app-web-1
docker inspect -f '{{json .HostConfig.Init}} {{.HostConfig.Privileged}} {{.HostConfig.ReadonlyRootfs}}' app-web-1 app-db-1
docker inspect -f '{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}}' app-web-1 app-db-1
docker inspect -f '{{.Config.StopSignal}} {{json .Config.StopTimeout}}' app-web-1 app-db-1
docker inspect -f '{{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}} {{json .HostConfig.ExtraHosts}}' app-web-1 app-db-1
docker inspect -f '{{json .Config.ExposedPorts}}' app-web-1 app-db-1
docker exec app-web-1 cat /etc/resolv.conf
docker exec app-web-1 hostname
docker exec app-web-1 id
docker exec app-web-1 pwd
docker inspect -f "{{.State.Status}} {{.RestartCount}}" app-web-1 app-db-1
docker inspect -f '{{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}}' app-db-1
docker compose restart web
docker inspect -f "{{.State.Status}} {{.RestartCount}} {{.HostConfig.RestartPolicy.Name}}" app-web-1
docker compose down
