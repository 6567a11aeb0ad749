#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Full JSON of a dual-stack network with ranges/aux/gateways, an internal attachable labelled network with options, a custom bridge name + mtu; containers on each.
docker network create --ipv6 --subnet fd00:90::/64 --ip-range fd00:90::/80 --gateway fd00:90::fffe --subnet 10.90.0.0/24 --ip-range 10.90.0.128/25 --gateway 10.90.0.254 --aux-address a=10.90.0.5 v6net
docker network create --internal --attachable --label team=red --label tier=db -o com.docker.network.bridge.enable_icc=false -o com.docker.network.bridge.enable_ip_masquerade=false intnet
docker network create -o com.docker.network.driver.mtu=1400 -o com.docker.network.bridge.name=br-custom mtunet
docker network inspect v6net
docker network inspect intnet
docker network inspect mtunet
docker run -itd --name c6 --network v6net busybox
docker run -itd --name ci --network intnet busybox
docker run -itd --name cm --network mtunet busybox
docker run -itd --name c6b --network v6net --ip 10.90.0.200 --ip6 fd00:90::99 busybox
docker inspect c6
docker inspect ci
docker inspect cm
docker inspect c6b
docker network inspect v6net
docker network inspect intnet
docker network inspect mtunet
docker network inspect -f '{{json .IPAM}}' v6net
docker network inspect -f '{{json .Options}}' mtunet
docker exec cm ip link show eth0
docker exec c6 ip -6 addr show eth0
docker exec c6 ip -6 route
docker exec c6 ip route
docker exec ci ip route
docker exec c6 ping -c 1 -W 1 10.90.0.254
ip link show br-custom
docker network inspect bridge
