#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# A server started with docker exec listens until the container stops: exec -d prints nothing and exits 0 (a program the image lacks still fails), httpd without -f puts itself in the background; a kill and a start leave only the main process.
docker network create --subnet 10.77.0.0/24 lan
docker run -itd --name srv --network lan --ip 10.77.0.10 -p 8080:80 busybox
docker run -itd --name cli --network lan --ip 10.77.0.20 busybox
docker exec cli nc -w 2 10.77.0.10 80
docker exec -d srv ping -c 1 10.77.0.20
docker exec -d srv sh -c 'exit 3'
docker exec -d srv nosuchprogram
docker exec -d srv httpd -f -p 80
docker exec srv netstat -tln
docker exec cli nc -w 2 10.77.0.10 80
docker exec -d srv nc -l -p 81
docker exec srv httpd -p 82
docker exec srv netstat -tln
docker exec cli nc -w 2 10.77.0.10 82
docker kill srv
docker start srv
docker exec srv netstat -tln
docker exec cli nc -w 2 10.77.0.10 80
