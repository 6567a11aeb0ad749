#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
docker run -d --name s1 busybox sleep 1000
docker exec s1 sysctl net.ipv4.no_such_key
docker exec s1 sysctl -n net.ipv4.no_such_key
docker exec s1 cat /proc/sys/net/ipv4/no_such_key
docker exec s1 sysctl -w net.ipv4.ip_forward=0
docker exec s1 sysctl net.ipv4.ip_forward=0
docker exec s1 sysctl
docker exec s1 sysctl -a | grep -c eth0
docker exec s1 sysctl -a | grep -c "\.lo\."
docker exec s1 sysctl -a | grep -c "\.all\."
docker exec s1 sysctl -a | grep "\.eth0\." | head -5
docker exec s1 sh -c 'sysctl -a >/dev/null 2>&1; echo $?'
docker exec s1 sysctl net.ipv6.conf.eth0.stable_secret
docker exec s1 sysctl net.ipv6.conf.eth0.mtu net.ipv6.conf.lo.mtu net.ipv6.conf.all.mtu net.ipv6.conf.default.mtu
docker exec s1 cat /proc/sys/net/ipv6/conf/eth0/mtu
docker exec s1 sysctl -n net.ipv4.conf.lo.disable_policy net.ipv6.conf.lo.accept_dad
docker exec s1 sysctl net.ipv4.conf.eth0.forwarding net.ipv6.conf.eth0.disable_ipv6
docker exec s1 sysctl net/ipv4/ip_forward
docker exec s1 sysctl -e net.ipv4.nope
docker exec s1 sysctl -q net.ipv4.ip_forward
docker exec s1 sysctl -N net.ipv4.ip_forward
docker exec s1 sysctl -x
docker exec s1 sysctl net.ipv4.ip_forward net.ipv4.nope net.ipv4.ip_forward
docker exec s1 cat /proc/sys/net/ipv4/ip_local_port_range
docker exec s1 sysctl net.ipv4.ip_local_port_range net.core.somaxconn net.ipv4.tcp_syncookies
docker exec s1 sysctl net.ipv4.conf.all.route_localnet net.ipv4.conf.default.forwarding
docker exec s1 sysctl net.ipv6.conf.lo.disable_ipv6 net.ipv6.conf.default.disable_ipv6 net.ipv6.conf.all.forwarding
docker exec s1 sysctl net.ipv4
docker exec s1 cat /proc/sys/net/ipv4/conf/eth0/forwarding /proc/sys/net/ipv4/conf/lo/forwarding
docker exec s1 sh -c 'cat /proc/sys/net/ipv4/ip_forward; echo x'
docker rm -f s1
