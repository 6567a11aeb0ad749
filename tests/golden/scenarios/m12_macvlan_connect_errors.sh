#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Connect and run errors on macvlan networks: addresses outside the subnet, taken, the gateway, twice on one network, a passthru network's second container.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.92.0.0/24 --gateway 10.92.0.1 -o parent=lan0 mv
docker run -itd --name k1 --network mv --ip 10.92.0.1 busybox
docker run -itd --name k2 --network mv --ip 10.92.0.5 busybox
docker run -itd --name k3 --network mv --ip 10.92.0.5 busybox
docker run -itd --name k4 busybox
docker network connect --ip 10.93.0.5 mv k4
docker network connect --ip 10.92.0.6 mv k4
docker network connect mv k4
docker exec k4 ip -4 addr show eth1
docker network disconnect mv k4
docker network disconnect mv k4
docker exec k4 ip -4 a
docker ps -a --format '{{.Names}} {{.Networks}}'
docker rm -f k1 k2 k3 k4
docker network rm mv
