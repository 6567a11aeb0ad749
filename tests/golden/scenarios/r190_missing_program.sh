#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# a container whose program is not in the image: runc refuses the task at every start (run, start, restart), the container keeps its Created or Exited state with the error in inspect's State.Error; ps, logs, exec, ports and addresses of such a container.
docker network create --subnet 10.79.0.0/24 lan
docker run -d --name miss busybox nosuch
docker ps -a --format '{{.Names}} {{.Status}} {{.Command}}'
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' miss
docker inspect -f '{{.State.Running}} {{.State.Pid}} {{.RestartCount}}' miss
docker start miss
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' miss
docker restart miss
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' miss
docker ps -a --format '{{.Names}} {{.Status}}'
docker logs miss
docker exec miss ls
docker stop miss
docker kill miss
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' miss
docker run --name att busybox nosuch
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' att
docker run --rm busybox nosuch
docker run -d --name abs busybox /bin/nosuch
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' abs
docker create --name made busybox nosuch
docker start made
docker start -a made
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' made
docker start miss made
docker run -d --name pub --network lan --ip 10.79.0.9 -p 8080:80 busybox nosuch
docker port pub
docker ps -a --filter name=pub --format '{{.Names}} {{.Status}} {{.Ports}}'
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}} {{.NetworkSettings.Ports}}' pub
docker network inspect -f '{{len .Containers}}' lan
docker run -d --name pub2 --network lan --ip 10.79.0.9 -p 8080:80 busybox sleep 1000
docker ps --format '{{.Names}} {{.Status}} {{.Ports}}'
docker run -d --name shc busybox sh -c nosuch
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' shc
docker logs shc
docker run -d --name ok busybox echo fine
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' ok
docker ps -a --filter status=created --format '{{.Names}}'
docker ps -a --filter status=exited --format '{{.Names}}'
docker rm miss att abs made pub
docker ps -a --format '{{.Names}} {{.Status}}'
