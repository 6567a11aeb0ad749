#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker run's flags that the daemon keeps and inspect shows: --privileged, --read-only, --init, --stop-signal, --stop-timeout, --cap-add/--cap-drop, --ipc, --pid, --tmpfs, --ulimit, --log-opt, --link-local-ip.
docker network create lln
docker run -d --name ca --privileged --init --stop-signal SIGUSR1 --stop-timeout 7 --cap-add net_admin --cap-drop CAP_CHOWN --ipc shareable --tmpfs /run:size=64k --ulimit nofile=1024:2048 --ulimit nproc=99 --log-opt max-size=1m --network lln --link-local-ip 169.254.7.7 busybox sleep 3600
docker run -d --name cb --read-only --init=false --ipc container:ca --pid container:ca busybox sleep 3600
docker inspect -f '{{.HostConfig.Privileged}} {{.HostConfig.ReadonlyRootfs}} {{json .HostConfig.Init}} {{.Config.StopSignal}} {{json .Config.StopTimeout}}' ca cb
docker inspect -f '{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}} {{json .HostConfig.MaskedPaths}}' ca cb
docker inspect -f '{{.HostConfig.IpcMode}} {{slice .HostConfig.PidMode 0 10}}' cb
docker inspect -f '{{.HostConfig.IpcMode}} {{.HostConfig.PidMode}} {{json .HostConfig.Tmpfs}} {{json .HostConfig.Ulimits}} {{json .HostConfig.LogConfig}}' ca
docker inspect -f '{{json .HostConfig.Tmpfs}} {{json .HostConfig.Ulimits}} {{json .HostConfig.LogConfig}}' cb
docker inspect -f '{{json .NetworkSettings.Networks.lln.IPAMConfig}}' ca
docker rm -f ca cb
docker network rm lln
