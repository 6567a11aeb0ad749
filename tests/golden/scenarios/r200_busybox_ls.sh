#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# busybox ls in a container: the image's root (bin etc tmp) with what Docker adds (dev, proc, sys, /etc's three files, /.dockerenv), its options and errors; long listings cut before their dates (the containers' own times).
docker network create --subnet 10.200.0.0/24 fnet
docker run -itd --name web --network fnet --ip 10.200.0.10 busybox
docker exec web ls /
docker exec web ls -a /
docker exec web ls -A /
docker exec web ls -1 /
docker exec web ls -x /
docker exec web ls -p /
docker exec web ls -F /
docker exec web ls /etc
docker exec web ls -a /etc
docker exec web ls -l /etc | awk '{print $1, $2, $3, $4, $5, $9, $10, $11}'
docker exec web ls -l / | grep -v proc | awk '{print $1, $2, $3, $4, $5, $9}'
docker exec web ls -la / | grep -v proc | awk '{print $1, $2, $3, $4, $5, $9}'
docker exec web ls -ld /etc /tmp /bin | awk '{print $1, $2, $5, $9}'
docker exec web ls /tmp
docker exec web ls -a /tmp
docker exec web ls /dev
docker exec web ls -l /dev | awk '{print $1, $NF}'
docker exec web ls /sys/class/net
docker exec web ls -l /sys/class/net | awk '{print $1, $9, $10, $11}'
docker exec web ls /sys/class/net/eth0
docker exec web ls /bin | head -5
docker exec web ls /bin | wc -l
docker exec web ls -l /bin/ls | awk '{print $1, $5, $9, $10, $11}'
docker exec web ls /etc/hosts
docker exec web ls -d /etc
docker exec web ls /etc /tmp
docker exec web ls /etc/hosts /nonexistent /tmp
docker exec web ls -R /etc
docker exec web ls /nonexistent
docker exec web ls /root
docker exec web ls /home /usr
docker exec web ls -Z /
docker exec web ls --help
docker exec web sh -c 'cd /etc && ls'
docker exec -w /etc web ls
docker exec web ls -s /etc
docker exec web ls -l /.dockerenv | awk '{print $1, $5, $9}'
docker exec web find /etc | sort
docker exec web find / -xdev | sort | head -12
docker exec web find / -xdev | wc -l
docker exec web find /nonexistent
