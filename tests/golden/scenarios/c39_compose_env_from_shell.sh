#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# A bare KEY in a list-form environment takes its value from the shell compose runs in, then the project .env, and is left out when set nowhere.
#! file compose.yaml
services:
  s:
    image: busybox
    command: sleep 3600
    environment:
      - FROM_SHELL
      - FROM_DOTENV
      - NOWHERE
      - FIXED=1
#! end
#! file .env
FROM_DOTENV=dot
#! end
docker compose config
FROM_SHELL=sh docker compose config
FROM_SHELL=sh docker compose up -d
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' app-s-1 | sort
docker compose down
