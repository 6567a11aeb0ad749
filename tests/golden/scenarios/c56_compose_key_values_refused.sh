#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file restart.yaml
services:
  web:
    image: busybox:latest
    command: ["sleep", "3600"]
    restart: sometimes
#! end
#! file priv.yaml
services:
  web:
    image: busybox:latest
    privileged: 3
#! end
#! file ro.yaml
services:
  web:
    image: busybox:latest
    command: ["sleep", "3600"]
    read_only: "yes"
    privileged: "true"
#! end
#! file dnsopt.yaml
services:
  web:
    image: busybox:latest
    dns_opt: ndots:3
#! end
#! file caps.yaml
services:
  web:
    image: busybox:latest
    command: ["sleep", "3600"]
    cap_add: [net_admin, CAP_NET_RAW, ALL]
    cap_drop: [NET_ADMIN, chown, chown]
    stop_grace_period: 1500ms
    restart: "on-failure:x"
#! end
#! file signal.yaml
services:
  web:
    image: busybox:latest
    stop_signal: 15
#! end
# Values of the keys that reach the container which compose or the daemon refuse, and how odd ones arrive.
docker compose -f restart.yaml up -d
docker compose -f restart.yaml down
docker compose -f priv.yaml config
docker compose -f ro.yaml config
docker compose -f ro.yaml create
docker inspect -f '{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Privileged}}' app-web-1
docker compose -f ro.yaml down
docker compose -f dnsopt.yaml config
docker compose -f caps.yaml config
docker compose -f caps.yaml create
docker inspect -f '{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}} {{json .Config.StopTimeout}} {{json .HostConfig.RestartPolicy}}' app-web-1
docker compose -f caps.yaml down
docker compose -f signal.yaml config
