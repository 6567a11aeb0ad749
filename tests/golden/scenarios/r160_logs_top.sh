#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker logs and docker top of busybox containers: a sleeper, a server, commands that print and exit (detached, attached, started again), a stopped one, a missing one; busybox's usage texts.
docker run -d --name web busybox sleep 1000
docker run -d --name srv busybox httpd -f -p 80
docker run -d --name once busybox echo hello
docker run -d --name twice busybox sh -c 'echo out; echo err >&2; echo out2'
docker run -d --name lines busybox sh -c 'echo 1; echo 2; echo 3'
docker run -d --name fail busybox sh -c 'echo bye; exit 3'
docker run --name att busybox echo attached
docker logs web
docker logs srv
docker logs once
docker logs twice
docker logs lines
docker logs --tail 1 lines
docker logs -n 2 lines
docker logs --tail 0 lines
docker logs --tail all lines
docker logs fail
docker logs att
docker container logs once
docker ps -a --format '{{.Names}} {{.Status}}'
docker top once
docker top fail
docker stop -t 1 web
docker logs web
docker top web
docker logs nosuch
docker top nosuch
docker container top nosuch
docker logs
docker top
docker logs web srv
docker logs --nosuch web
docker start once
docker logs once
docker restart -t 1 fail
docker logs fail
docker start -a lines
docker logs lines
docker ps -a --format '{{.Names}} {{.Status}}'
docker exec srv busybox
docker exec srv wget
docker exec srv wget --nosuch
docker exec srv ping
docker exec srv ping -c
docker exec srv nslookup
docker exec srv nc
docker exec srv sleep
docker exec srv netstat --nosuch
docker exec srv wget -q -O - http://127.0.0.1/
docker exec srv wget -O /dev/null http://127.0.0.1:81/
