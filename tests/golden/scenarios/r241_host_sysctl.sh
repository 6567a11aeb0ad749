#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
docker network create sysnet
cat /proc/sys/net/ipv4/ip_forward
sysctl net.ipv4.ip_forward
sysctl -n net.ipv4.ip_forward
sysctl net.ipv4.conf.all.forwarding
cat /proc/sys/net/bridge/bridge-nf-call-iptables
sysctl net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables
sysctl net.ipv4.conf.docker0.route_localnet
sysctl net.ipv4.conf.docker0.forwarding
sysctl net.ipv6.conf.all.forwarding
sysctl net.ipv4.no_such_key
sysctl -a | grep -c docker0
cat /proc/sys/net/ipv4/conf/docker0/route_localnet
cat /proc/sys/net/ipv6/conf/docker0/disable_ipv6
docker run -d --name sc1 --network sysnet busybox sleep 1000
docker exec sc1 cat /proc/sys/net/ipv4/ip_forward
docker exec sc1 sysctl net.ipv4.ip_forward
docker exec sc1 sysctl net.ipv6.conf.all.disable_ipv6
docker exec sc1 sysctl -n net.ipv4.ip_unprivileged_port_start
docker exec sc1 sysctl net.ipv4.ping_group_range
docker exec sc1 cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6
docker run --rm --sysctl net.ipv4.ip_forward=1 busybox sysctl net.ipv4.ip_forward
docker run --rm --sysctl net.ipv6.conf.all.disable_ipv6=1 busybox ip a
docker run --rm --sysctl kernel.shmmax=1 busybox true
docker run --rm --sysctl bogus busybox true
docker run --rm --network host --sysctl net.ipv4.ip_forward=1 busybox true
docker rm -f sc1
docker network rm sysnet
