#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# The images a student lists before and after running containers: docker images and image ls, their filters and templates, image inspect, tag and rmi.
docker images web
docker image ls busybox
docker images -q web
docker images busybox
docker images web:latest
docker images nosuch
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort
docker images --format 'table {{.Repository}}\t{{.Tag}}' busybox
docker images --filter reference=bus*
docker images --filter dangling=true
docker image ls -a --format '{{.Repository}}' | sort
docker image inspect -f '{{json .Config.Cmd}} {{json .Config.ExposedPorts}}' web
docker image inspect -f '{{.RepoTags}} {{.Size}}' busybox
docker inspect -f '{{.RepoTags}}' busybox
docker image inspect nosuch
docker tag busybox mybox:1
docker tag busybox Bad:tag
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker run -itd --name r1 mybox:1
docker ps --format '{{.Image}} {{.Command}}'
docker rmi mybox:1
docker rmi busybox
docker image rm web
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker rm -f r1
docker rmi mybox:1
docker images --format '{{.Repository}}:{{.Tag}}' | sort
