#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Containers in every state (created, running, stopped, killed, restarted, disconnected while stopped, connected while created) in inspect and ps filters.
docker network create --subnet 10.100.0.0/24 st
docker create -it --name cr1 --network st busybox
docker inspect cr1
docker inspect -f '{{.State.Status}} [{{.NetworkSettings.IPAddress}}] [{{.NetworkSettings.Networks.st.IPAddress}}] [{{.NetworkSettings.Networks.st.Gateway}}] [{{.NetworkSettings.Networks.st.MacAddress}}]' cr1
docker run -itd --name ru1 --network st -p 8080:80 busybox
docker run -itd --name ex1 --network st --expose 80 busybox
docker stop -t 1 ex1
docker inspect ex1
docker run -itd --name ki1 busybox
docker kill ki1
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{json .NetworkSettings.Networks}}' ki1
docker inspect -f '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}|{{.NetworkSettings.MacAddress}}|{{json .NetworkSettings.Ports}}' ki1
docker run -itd --name rs1 --network st busybox
docker restart -t 1 rs1
docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.NetworkSettings.Networks.st.IPAddress}}' rs1
docker ps -a --format '{{.Names}} {{.Networks}} {{.Ports}} {{.Status}}'
docker network disconnect st ex1
docker inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}}' ex1
docker start ex1
docker inspect -f '{{.State.Status}} {{json .NetworkSettings.Networks}}' ex1
docker network connect bridge cr1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}=[{{$v.IPAddress}}] {{end}}' cr1
docker start cr1
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' cr1
docker ps -a --format '{{.Names}} [{{.Networks}}] {{.Ports}} {{.Status}}' --filter name=ex1 --filter name=ru1
docker ps --filter network=st --format '{{.Names}}'
docker ps -a --filter network=bridge --format '{{.Names}}'
docker ps -a --filter status=exited --format '{{.Names}}'
docker ps -a --filter status=created --format '{{.Names}}'
docker ps -a --filter status=running --filter network=st --format '{{.Names}}'
docker ps -a --filter exited=137 --format '{{.Names}}'
docker ps --filter publish=80 --format '{{.Names}}'
docker ps --filter publish=8080 --format '{{.Names}}'
docker ps --filter publish=8080/udp --format '{{.Names}}'
docker ps -a --filter expose=80 --format '{{.Names}}'
docker ps -a --filter name=r --format '{{.Names}}'
docker ps -a --filter ancestor=busybox --format '{{.Names}}'
docker ps -a --filter status=bogus
docker ps -a --filter network=nosuch --format '{{.Names}}'
docker network inspect st
