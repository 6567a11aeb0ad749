#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file compose.yaml
services:
  web:
    image: busybox:latest
    command: ["sleep", "3600"]
    ipc: shareable
    tmpfs: ["/run:size=64k", "/cache"]
    ulimits:
      nofile:
        soft: 1024
        hard: 2048
      nproc: 512
    logging:
      driver: json-file
      options:
        max-size: "1m"
        max-file: "2"
    networks:
      front:
        link_local_ips: ["169.254.10.10"]
  side:
    image: busybox:latest
    command: ["sleep", "3600"]
    ipc: "service:web"
    pid: "service:web"
    depends_on: [web]
    networks: [front]
networks:
  front: {}
#! end
# ipc, pid, tmpfs, ulimits, logging and link_local_ips: what config prints and what the containers get.
docker compose config
docker compose up -d
docker inspect -f '{{.HostConfig.IpcMode}}|{{.HostConfig.PidMode}}' app-web-1
docker inspect -f '{{slice .HostConfig.IpcMode 0 10}}|{{slice .HostConfig.PidMode 0 10}}|{{len .HostConfig.IpcMode}}' app-side-1
docker inspect -f '{{json .HostConfig.Tmpfs}} {{json .HostConfig.Ulimits}}' app-side-1
docker inspect -f '{{json .HostConfig.Tmpfs}} {{range .HostConfig.Ulimits}}{{println .Name .Soft .Hard}}{{end}}' app-web-1 | sort
docker inspect -f '{{json .HostConfig.LogConfig}}' app-web-1 app-side-1
docker inspect -f '{{json .NetworkSettings.Networks.app_front.IPAMConfig}}' app-web-1 app-side-1
docker compose down
