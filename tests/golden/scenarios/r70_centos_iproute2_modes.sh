#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/bash TOOLS iproute2
# The seed tutorial's modes seen with iproute2's ip inside centos (bridge, user network, host, none, container:),
# and with busybox for hostname -i, /etc/hosts and /etc/resolv.conf in the same modes.
docker run -itd --name c-bridge centos
docker exec c-bridge ip addr show
docker exec c-bridge ip -4 a
docker exec c-bridge ip route
docker exec c-bridge ip link
docker exec c-bridge ip -6 addr
docker exec c-bridge ip route get 192.0.2.2
docker network create --subnet 10.70.0.0/24 labnet
docker run -itd --name c-user --network labnet centos:latest
docker exec c-user ip -4 addr show eth0
docker exec c-user ip route show
docker exec c-user ip route get 10.70.0.1
docker run -itd --name c-host --network host centos
docker exec c-host ip -4 addr show docker0
docker exec c-host ip link show type bridge
docker exec c-host ip route get 172.17.0.2
docker run -itd --name c-none --network none centos
docker exec c-none ip addr show
docker exec c-none ip route
docker exec c-none ip -6 addr
docker run -itd --name c-guest --network container:c-user centos
docker exec c-guest ip -4 a
docker exec c-guest ip route
docker run -itd --name b-bridge busybox
docker exec b-bridge hostname -i
docker exec b-bridge cat /etc/hosts
docker exec b-bridge cat /etc/resolv.conf
docker run -itd --name b-user --network labnet busybox
docker exec b-user hostname -i
docker exec b-user cat /etc/hosts
docker exec b-user cat /etc/resolv.conf
docker run -itd --name b-host --network host busybox
docker exec b-host cat /etc/resolv.conf
docker run -itd --name b-none --network none busybox
docker exec b-none cat /etc/hosts
docker exec b-none cat /etc/resolv.conf
docker run -itd --name b-guest --network container:b-user busybox
docker exec b-guest hostname
docker exec b-guest hostname -i
docker exec b-guest cat /etc/hosts
