#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# busybox applets a user runs beside the network tools: ps in a container (its main process and the exec), uname, id, whoami, ls, traceroute to a neighbour.
docker network create --subnet 10.163.0.0/24 pnet
docker run -d --name web --network pnet --ip 10.163.0.10 busybox sleep 1000
docker run -itd --name sh1 --network pnet --ip 10.163.0.11 busybox
docker exec web ps
docker exec web ps
docker exec sh1 ps
docker exec web ps aux
docker exec web ps -o pid,comm
docker exec web uname -a
docker exec web uname -n
docker exec web id
docker exec web whoami
docker exec web ls /
docker exec web traceroute -n -m 2 -w 1 10.163.0.11
