#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# ps Ports column with ranges, udp, 127.0.0.1 binds and -P; publish/expose filters; --no-trunc Command; docker port per container.
docker run -itd --name p1 -p 8080-8081:80-81 busybox
docker run -itd --name p2 -p 127.0.0.1:9000:9000/udp -p 9001:9001/udp busybox
docker run -itd --name p3 -P web
docker run -itd --name p4 -p 127.0.0.1:8443:443 web
docker run -itd --name p5 -p 7000-7002:7000-7002/udp --expose 6000 busybox
docker run -itd --name p6 busybox sleep 1000
docker run -itd --name p7 --entrypoint sh busybox -c 'sleep 1000'
docker ps --format 'table {{.Names}}\t{{.Ports}}'
docker ps --filter publish=8080-8081 --format '{{.Names}}'
docker ps --filter publish=8080 --format '{{.Names}}'
docker ps --filter publish=9000/udp --format '{{.Names}}'
docker ps --filter publish=7001/udp --format '{{.Names}}'
docker ps --filter expose=443 --format '{{.Names}}'
docker ps --filter expose=80-81 --format '{{.Names}}'
docker ps --filter expose=6000 --format '{{.Names}}'
docker ps --no-trunc --format '{{.Command}}'
docker ps --format '{{.Names}}: {{.Command}}'
docker port p1
docker port p2
docker port p3
docker port p4
docker port p5
docker port p6
docker port p1 80
docker port p3 443/tcp
docker port p2 9000/udp
docker port p5 7001
docker ps --format '{{.Names}} {{.Ports}}' --filter name=p3
docker container ls --format 'table {{.Names}}\t{{.Ports}}' -f name=p4
