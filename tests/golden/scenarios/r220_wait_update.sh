#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker wait (exited containers, several, missing, created), docker update --restart and its errors, the restart policy in inspect, attach to a stopped container.
docker run -d --name w1 busybox sh -c 'echo hi; exit 3'
docker run -d --name w2 busybox true
docker wait w1
docker wait w1 w2
docker wait nope
docker wait w1 nope w2
docker wait
docker container wait w2
docker create --name c1 busybox
docker wait c1
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' c1
docker run -itd --name u1 busybox
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' u1
docker update --restart always u1
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' u1
docker update --restart on-failure:3 u1
docker inspect -f '{{json .HostConfig.RestartPolicy}}' u1
docker update --restart unless-stopped u1 w1
docker inspect -f '{{.Name}} {{.HostConfig.RestartPolicy.Name}}' u1 w1
docker update --restart no u1
docker inspect -f '{{json .HostConfig.RestartPolicy}}' u1
docker update --restart bogus u1
docker update --restart on-failure:x u1
docker update --restart always:3 u1
docker update --restart on-failure:-1 u1
docker update --restart always nope
docker update --restart always u1 nope w2
docker update u1
docker update
docker update --bogus u1
docker container update --restart on-failure u1
docker inspect -f '{{json .HostConfig.RestartPolicy}}' u1
docker update --memory 64m u1
docker update --cpus 0.5 u1
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}' u1
docker run -itd --name r2 --restart on-failure:2 busybox
docker inspect -f '{{json .HostConfig.RestartPolicy}}' r2
docker run -itd --name r3 --restart always --rm busybox
docker run -itd --name r4 --restart bogus busybox
docker run -itd --name r5 --restart unless-stopped busybox
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' r5
docker create --name r6 --restart always:2 busybox
docker run -itd --name r7 --rm busybox
docker update --restart always r7
docker inspect -f '{{.HostConfig.AutoRemove}} {{.HostConfig.RestartPolicy.Name}}' r7
docker ps -a --format '{{.Names}} {{.Status}}'
docker attach w1
docker attach nope
docker attach
