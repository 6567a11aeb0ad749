#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# netstat's socket listings in containers: what listens is what runs (httpd, nc -l; a published shell: nothing), plus the embedded DNS's own sockets on 127.0.0.11 on a user-defined network (none on the default bridge); a container: sharer sees its donor's sockets. busybox's nc has no -z.
docker network create --subnet 10.77.0.0/24 lan
docker run -itd --name srv --network lan --ip 10.77.0.10 -p 8080:80 busybox
docker run -d --name httpd --network lan --ip 10.77.0.11 busybox httpd -f -p 80
docker run -d --name ncl --network lan --ip 10.77.0.12 busybox nc -l -p 81
docker run -itd --name cli busybox
docker run -itd --name shared --network container:httpd busybox
docker exec httpd netstat -tln
docker exec httpd netstat -ltn
docker exec httpd netstat -tlnp
docker exec httpd netstat -tuln
docker exec httpd netstat -ln
docker exec httpd netstat -an
docker exec httpd netstat -tl
docker exec httpd netstat
docker exec httpd netstat -rn
docker exec shared netstat -tln
docker exec ncl netstat -tln
docker exec srv netstat -tln
docker exec srv netstat -uln
docker exec srv netstat -x
docker exec srv netstat -lx
docker exec cli netstat -tln
docker exec cli netstat -a
docker exec srv nc -zv 10.77.0.11 80
docker exec srv nc -z 10.77.0.11 80
