#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker volume create|ls|inspect|rm|prune, named and anonymous volumes from run -v and --mount, inspect's Mounts, rm -v, volume in use.
docker volume create v1
docker volume create --label team=a v2
docker volume create v1
docker volume ls
docker volume ls -q
docker volume ls --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker volume ls --filter label=team=a --format '{{.Name}}'
docker volume inspect v1
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Labels}} {{.Scope}}' v1 v2
docker volume inspect nope
docker volume inspect v1 nope
docker run -itd --name m1 -v v1:/data busybox
docker inspect -f '{{json .Mounts}}' m1
docker inspect -f '{{json .HostConfig.Binds}} {{json .HostConfig.Mounts}}' m1
docker run -itd --name m2 --mount type=volume,source=v3,target=/x busybox
docker inspect -f '{{json .Mounts}}' m2
docker inspect -f '{{json .HostConfig.Mounts}}' m2
docker run -itd --name m3 -v /anon busybox
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.Driver}} {{.Mode}} {{.RW}}{{end}}' m3
docker run -itd --name m4 -v v1:/ro:ro busybox
docker inspect -f '{{json .Mounts}}' m4
docker volume ls --format '{{.Name}}' --filter dangling=false | sort
docker volume ls -q --filter dangling=true
docker ps --format '{{.Names}} {{.Mounts}}'
docker ps --filter volume=v1 --format '{{.Names}}'
docker volume rm v1
docker volume rm v2 v1
docker volume rm nope
docker rm -f m1 m4
docker volume rm v1
docker volume ls -q | wc -l
docker rm -f -v m3
docker volume ls -q | wc -l
docker rm -f m2
docker volume ls --format '{{.Name}}'
docker volume prune -f
docker volume ls --format '{{.Name}}'
docker volume create v9
docker run -d --name m5 -v anon2:/a -v /b busybox true
docker volume ls -q | wc -l
docker rm -v m5
docker volume ls --format '{{.Name}}'
docker volume prune --all -f
docker volume ls
docker volume create a b
docker volume rm
docker volume inspect
docker volume bogus
docker volume
docker run -itd --name m6 -v v5:relative busybox
docker run -itd --name m7 --mount type=volume,target=relative busybox
docker run -itd --name m8 --mount type=bogus,target=/x busybox
docker container rm -v nope
