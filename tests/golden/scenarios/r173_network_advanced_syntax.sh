#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker run --network's advanced form (name=…,alias=…,ip=…): what each client accepts and refuses.
docker network create --subnet 10.163.1.0/24 n1
docker network create --subnet 10.163.2.0/24 n2
docker run -d --name h1 --network name=n1,alias=web,ip=10.163.1.50 busybox sleep 1000
docker inspect -f '{{json .NetworkSettings.Networks.n1.Aliases}} {{.NetworkSettings.Networks.n1.IPAddress}}' h1
docker run -d --name h2 --network name=N2,alias=API busybox sleep 1000
docker inspect -f '{{json .NetworkSettings.Networks.n2.Aliases}}' h2
docker run -d --name h3 --network name=n1,foo=bar busybox sleep 1000
docker run -d --name h4 --network name=n1,alias=x --network-alias y busybox sleep 1000
docker run -d --name h5 --network name=n1,ip=10.163.1.60 --ip 10.163.1.61 busybox sleep 1000
docker run -d --name h6 --network n1 --network n1 busybox sleep 1000
docker run -d --name h7 --network n1 --network bridge busybox sleep 1000
docker run -d --name h8 --network name=bridge,alias=x busybox sleep 1000
docker run -d --name h9 --network alias=x busybox sleep 1000
docker run -d --name h10 --network name=n1,mac-address=zz busybox sleep 1000
docker run -d --name h11 --network name=n1,gw-priority=abc busybox sleep 1000
docker run -d --name h12 --network name=n1,driver-opt=x busybox sleep 1000
docker run -d --name h13 --network name=n1,bad busybox sleep 1000
docker create --name h14 --network name=n1,foo=bar busybox sleep 1000
docker run -d --name h15 --network name=n1,mac-address=02:42:0a:a3:01:63 busybox sleep 1000
docker inspect -f '{{.NetworkSettings.Networks.n1.MacAddress}}' h15
docker run -d --name h16 --network n1 --network name=n2,alias=db busybox sleep 1000
docker inspect -f '{{json .NetworkSettings.Networks.n2.Aliases}}' h16
docker ps -a --format '{{.Names}} {{.Status}}'
