#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# One-off 'docker run --rm' probes as a course has them, and the environment legacy --link injects.
docker network create --subnet 10.79.0.0/24 course
docker run -itd --name web1 --network course --network-alias www web
docker run -itd --name old1 web
docker run --rm --network course busybox nslookup www
docker run --rm --network course busybox ping -c 1 -W 1 web1
docker run --rm busybox ping -c 1 -W 1 old1
docker run --rm --link old1:w busybox ping -c 1 -W 1 w
docker run --rm --name probe-w --link old1:w busybox env | grep ^W_ | sort
docker run --rm --name probe-o --link old1 busybox env | grep -i old1 | sort
docker run --rm --link old1:w busybox cat /etc/hosts
docker exec old1 env | sort
docker run --rm --network container:web1 busybox ip -4 addr show eth0
docker run --rm --network none busybox ip -4 a
docker run --rm --network host busybox ip -4 addr show docker0
docker run --rm --add-host db:10.1.2.3 --add-host db:10.1.2.4 busybox cat /etc/hosts
docker run --rm -h box.example.com busybox hostname
docker run --rm -h box.example.com busybox hostname -f
docker run --rm --network course --ip 10.79.0.50 busybox hostname -i
docker run --rm --network course --ip 10.79.0.2 busybox true
docker run --rm --network nosuch busybox true
docker run --rm --name web1 busybox true
docker ps -a --format '{{.Names}} {{.Status}}'
docker run --network course --name once busybox ip -4 route
docker ps -a --format '{{.Names}} {{.Status}}'
docker start -a once
docker network inspect course
