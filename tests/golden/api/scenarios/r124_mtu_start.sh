# network MTUs the kernel refuses, at start; what MTU 0 means
docker network create -o com.docker.network.driver.mtu=0 m0
docker network create -o com.docker.network.driver.mtu=67 m67
docker network create -o com.docker.network.driver.mtu=65536 m65536
docker run --rm --network m0 busybox cat /sys/class/net/eth0/mtu
docker run -d --name a67 --network m67 busybox
docker run -d --name a65536 --network m65536 busybox
docker ps -a --format '{{.Names}} {{.Status}}'
ip -o link show type bridge | grep -o 'mtu [0-9]*' | sort | uniq -c
docker network inspect -f '{{json .Options}}' m0
