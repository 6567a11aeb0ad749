# network MTUs at and beyond what Linux allows
docker network create -o com.docker.network.driver.mtu=0 m0
docker network create -o com.docker.network.driver.mtu=67 m67
docker network create -o com.docker.network.driver.mtu=68 m68
docker network create -o com.docker.network.driver.mtu=65535 m65535
docker network create -o com.docker.network.driver.mtu=65536 m65536
docker network create -o com.docker.network.driver.mtu=-1 mneg
docker network create -o com.docker.network.driver.mtu=99999999999 mhuge
docker network create -o com.docker.network.driver.mtu=+1500 mplus
docker network ls --format '{{.Name}}'
ip -o link show | grep -c mtu
docker run -d --name a0 --network m0 busybox
docker run -d --name a68 --network m68 busybox
docker inspect -f '{{.State.Status}}' a0 a68
docker network rm m0 m67 m68 m65535 m65536 mneg mhuge mplus
