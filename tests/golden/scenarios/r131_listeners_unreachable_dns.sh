#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Who listens is what runs: a published port of a shell refuses, httpd and nc -l accept (busybox wget crashes in these images, so nc probes); lookups where no route leads to the nameserver (--network none, --internal) fail before any packet leaves.
docker network create --subnet 10.77.0.0/24 lan
docker run -itd --name srv --network lan --ip 10.77.0.10 -p 8080:80 busybox
docker run -itd --name webx --network lan --ip 10.77.0.13 web
docker run -d --name httpd --network lan --ip 10.77.0.11 busybox httpd -f -p 80
docker run -d --name ncl --network lan --ip 10.77.0.12 busybox nc -l -p 81
docker run -itd --name cli --network lan --ip 10.77.0.20 busybox
docker exec cli nc -w 2 10.77.0.10 80
docker exec cli nc -w 2 10.77.0.12 82
docker exec cli nc -w 2 10.77.0.12 81
docker ps -a --format '{{.Names}} {{.Status}}' --filter name=ncl
docker ps --format '{{.Names}} {{.Command}}' --no-trunc --filter name=httpd
docker run --rm --network none --dns 192.0.2.53 busybox nslookup example.com
docker run --rm --network none --dns 192.0.2.53 busybox ping -c 1 -W 1 example.com
docker run --rm --network none busybox ping -c 1 -W 1 192.0.2.53
docker run --rm --network none busybox nslookup example.com
docker network create --internal --subnet 10.78.0.0/24 intl
docker run --rm --network intl busybox nslookup example.com
docker run --rm --network intl busybox ping -c 1 -W 1 192.0.2.53
docker run --rm --network intl busybox nslookup example.com 192.0.2.53
