#! dockerd --dns 127.0.0.1 --userland-proxy=false
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# With --userland-proxy=false published ports have no docker-proxy: nothing listens on the host, the DNAT rules alone carry the traffic.
docker run -d --name web -p 8080:80 busybox httpd -f -p 80
docker run -d --name dns -p 127.0.0.1:9090:80 -p 5353:53/udp busybox httpd -f -p 80
ss -ltn | grep -v :2024
ss -lun
netstat -lnt | grep -v :2024
