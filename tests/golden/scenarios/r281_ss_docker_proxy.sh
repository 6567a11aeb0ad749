#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# The host's listening sockets (iproute2's ss, net-tools' netstat): one docker-proxy per published port and family, none for a stopped container; the recording machine's own listener on 2024 is left out with grep -v, and docker-proxy's pid with grep -o.
docker run -d --name web -p 8080:80 busybox httpd -f -p 80
docker run -d --name dns -p 127.0.0.1:9090:80 -p 5353:53/udp busybox httpd -f -p 80
ss -ltn | grep -v :2024
ss -lnt | grep -v :2024
ss -lun
ss -ltnp | grep -o 'users:(("[a-z-]*"'
ss -ltnp | grep -c docker-proxy
ss -lntu | grep -v :2024
netstat -lnt | grep -v :2024
netstat -lnu
netstat -lntp | grep -o '/[a-z-]*'
docker stop web
ss -ltn | grep -v :2024
docker start web
ss -ltn | grep -v :2024
docker rm -f web dns
ss -ltn | grep -v :2024
