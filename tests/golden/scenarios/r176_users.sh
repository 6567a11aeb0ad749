#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Users in a bare busybox root (no /etc/passwd, no /etc/group): numeric users run, names are refused by runc, in exec and in run.
docker run -itd --name u1 busybox
docker exec -u 1000 u1 id
docker exec -u 1000:1000 u1 id
docker exec -u 0 u1 id
docker exec -u 0:0 u1 whoami
docker exec --user 33:44 u1 sh -c 'id -u; id -g'
docker exec -u root u1 id
docker exec -u nobody u1 id
docker exec -u 1000:staff u1 id
docker exec -u :1000 u1 id
docker exec -u '' u1 id
docker exec -u abc:def u1 id
docker exec -u -1 u1 id
docker exec -u 99999999999 u1 id
docker run --rm -u 1000 busybox id
docker run --rm -u 1000:2000 busybox id
docker run --rm -u nobody busybox id
docker run -d --name u2 -u nobody busybox sleep 100
docker ps -a --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.Config.User}} {{.State.Status}} {{.State.ExitCode}}' u2
docker run -itd --name u3 -u 1000 busybox
docker exec u3 id
docker exec -u 0 u3 id
docker inspect -f '{{.Config.User}}' u3
