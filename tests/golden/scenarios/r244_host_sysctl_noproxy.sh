#! dockerd --userland-proxy=false
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
sysctl net.ipv4.conf.docker0.route_localnet
docker network create --subnet 10.40.0.0/24 -o com.docker.network.bridge.name=br40 net40
sysctl net.ipv4.conf.br40.route_localnet net.ipv4.conf.br40.forwarding net.ipv6.conf.br40.disable_ipv6
cat /proc/sys/net/ipv4/conf/br40/route_localnet
sysctl -a | grep -c br40
sysctl -a | grep -c "\.lo\."
sysctl -a | grep route_localnet
sysctl -n net.ipv4.conf.docker0.route_localnet net.ipv4.conf.all.route_localnet
sysctl net.ipv4.conf.br40
sysctl -N net.ipv4.ip_forward
sysctl -e net.ipv4.nope
sysctl -q net.ipv4.nope
sysctl net.ipv4.ip_forward net.ipv4.nope net.ipv4.ip_forward
sysctl net/ipv4/ip_forward
sysctl net.ipv6.conf.docker0.disable_ipv6 net.ipv6.conf.docker0.forwarding net.ipv4.conf.eth0.forwarding
sysctl net.ipv4.ip_unprivileged_port_start net.ipv4.ping_group_range
cat /proc/sys/net/ipv4/nope
sysctl -x
sysctl
sysctl -Z
sysctl net.ipv6.conf.lo.stable_secret
sysctl -n net.ipv6.conf.eth0.mtu net.ipv6.conf.lo.mtu net.ipv6.conf.docker0.mtu
sysctl net.ipv4.conf | grep -c forwarding
docker network rm net40
sysctl net.ipv4.conf.br40.route_localnet
