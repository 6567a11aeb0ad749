#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! dockerd --dns 127.0.0.1
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Inputs whose cost must stay bounded: --expose ranges, wide -p ranges, prune until=, label filters,
# pathological regexes in filters and pipes, jq over huge numbers, ping counts and intervals.
docker run -itd --name e1 --expose 0-4294967295 busybox
docker run -itd --name e2 --expose 1-3000000 busybox
docker run -itd --name e3 --expose abc busybox
docker run -itd --name e4 --expose 1-65536 busybox
docker run -itd --name e5 --expose 0 busybox
docker run -itd --name e6 --expose 65536 busybox
docker run -itd --name e7 --expose 10-5 busybox
docker run -itd --name e8 --expose 80/xyz busybox
docker run -itd --name e9 --expose 8000-8002/udp --expose 0-2 busybox
docker ps -a --format '{{.Names}} {{.Ports}}'
docker run -itd --name pg busybox
docker inspect -f '{{json .Config.ExposedPorts}}' e9
docker run -itd --name p1 -p 20000-20004:20000-20004 busybox
docker port p1
docker ps -f name=p1 --format '{{.Ports}}'
docker run -itd --name p2 -p 1-65535:80 busybox
docker port p2
docker run -itd --name p3 -p 1-10:1-20 busybox
docker run -itd --name p4 -p 0-65536:80 busybox
docker run -itd --name p5 -p 30-20:80 busybox
docker run -itd --name p6 -p 80:0-65535 busybox
docker run -itd --name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa -l a=1 busybox
docker ps --filter label=a --format '{{.Names}}'
docker ps -a --filter label=b --format '{{.Names}}'
docker ps -a --filter 'name=(a+)+b' --format '{{.Names}}'
docker ps -a --filter 'name=(a*)*$' --format '{{.Names}}'
docker ps -a --filter 'name=a{99999999999}' --format '{{.Names}}'
docker ps -a --filter 'name=a{1001}' --format '{{.Names}}'
docker ps -a --format '{{.Names}}' | grep -E '(a*)*b'
docker ps -a --format '{{.Names}}' | grep '\(a*\)*b'
docker ps -a --filter name=e9 --format 'aaaaaaaaaaaaaaaa{{.Names}}' | awk '/(a+)+b/'
docker ps -a --format '{{.Names}}' | awk '/(a|b)+e/'
docker ps -a --format '{{.Names}}' | awk '/^p[0-9]/ {print $1}'
docker ps -a --format '{{.Names}}' | grep -cE '^(a|aa)+$'
docker ps -a --format '{{.Names}}' | grep -E 'a{99999999999}'
docker ps -a --format '{{.Names}}' | grep -E 'a{32768}'
docker ps -a --format '{{.Names}}' | grep -E 'a{32767}'
docker ps -a --format '{{.Names}}' | grep 'a\{99999999999\}'
docker ps -a --format '{{.Names}}' | awk '/a{99999999999}/'
docker inspect pg | jq 'first(range(1e18))'
docker inspect pg | jq '[limit(3; range(1e18))]'
docker inspect pg | jq '.[1e400]'
docker inspect pg | jq '.[0].Name | .[1e400]'
docker network create n1
docker network prune -f --filter until=9999-99-99
docker network prune -f --filter until=9999-12-31
docker network create n2
docker network prune -f --filter until=99999999999
docker network create n3
docker network prune -f --filter until=-1h
docker network prune -f --filter until=1970-01-01
docker network prune -f --filter until=0
docker network prune -f --filter until=99999999999h
docker exec pg ping -c 99999999999 -w 1 127.0.0.1
docker exec pg ping -c 1e7 -w 1 127.0.0.1
docker exec pg ping -c 2147483648 -w 1 127.0.0.1
docker exec pg ping -c -1 -w 1 127.0.0.1
docker exec pg ping -c 2 -i 0.01 127.0.0.1
docker exec pg ping -c 1 -i abc 127.0.0.1
docker exec pg ping -c 2147483647 -w 1 -q 127.0.0.1
docker exec pg ping -c 1 -w 1 -s 99999 127.0.0.1
docker exec pg ping -c 1 -W 99999999999 127.0.0.1
docker exec pg ping -c 1 -w 99999999999 127.0.0.1
docker ps -a --format '{{.Names}} {{.Status}}'
