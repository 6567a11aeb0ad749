#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# What a student sees first: docker info (the engine's ID and its runtimes, listed in Go map order, left out), its counts as containers come and go, docker system df and prune.
docker info | grep -v -e ' ID: ' -e 'Runtimes:'
docker info --format '{{json .Plugins}}'
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}}'
docker info --format '{{.Driver}} {{.Images}} {{.Name}} {{.OSType}} {{.Architecture}} {{.NCPU}} {{.MemTotal}}'
docker info --format '{{json .DefaultAddressPools}}'
docker info --format '{{.ServerVersion}} | {{.KernelVersion}} | {{.OperatingSystem}}'
docker info --format '{{.Swarm.LocalNodeState}} {{.SecurityOptions}} {{.LiveRestoreEnabled}} {{.DockerRootDir}} {{.Debug}}'
docker info --format '{{.IPv4Forwarding}} {{.BridgeNfIptables}} {{.BridgeNfIp6tables}} {{json .Warnings}} {{.LoggingDriver}} {{.CgroupDriver}}'
docker system df
docker system df --format '{{json .}}'
docker system df --format '{{.Type}}: {{.TotalCount}} {{.Active}} {{.Size}} {{.Reclaimable}}'
docker run -itd --name a1 busybox
docker run -itd --name a2 web
docker pause a2
docker create --name a3 busybox
docker run --name a4 busybox true
docker network create n1
docker network create n2
docker network connect n2 a1
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}}'
docker system info | grep -A4 'Containers:'
docker info --format '{{.Images}} {{json .Plugins.Network}}'
docker system df
docker system df -v | grep -v latest
docker system df -v --format '{{range .Images}}{{.Repository}} {{.Size}} {{.SharedSize}} {{.UniqueSize}} {{.Containers}}{{println}}{{end}}' | sort
docker system df -v --format '{{range .Containers}}{{.Names}} {{.Image}} {{.Size}} {{.LocalVolumes}}{{println}}{{end}}'
docker system prune </dev/null
docker system prune -a </dev/null
docker system prune --volumes </dev/null
docker system prune -f
docker ps -a --format '{{.Names}} {{.Status}}'
docker network ls --format '{{.Name}}'
docker system prune -f
docker system prune -af
docker images --format '{{.Repository}}'
docker system df
docker system prune -f --volumes
docker unpause a2
docker stop -t 1 a1
docker system prune -f
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'
docker network ls --format '{{.Name}}'
docker system df
