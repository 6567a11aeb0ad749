#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
docker run -d --name s1 busybox sleep 1000
docker inspect -f '{{.HostConfig.Sysctls}}' s1
docker run -d --name s2 --sysctl net.ipv4.ip_forward=0 --sysctl net.core.somaxconn=1024 busybox sleep 1000
docker inspect -f '{{.HostConfig.Sysctls}}' s2
docker inspect -f '{{json .HostConfig.Sysctls}}' s2
docker exec s2 sysctl net.ipv4.ip_forward net.core.somaxconn
docker exec s2 cat /proc/sys/net/ipv4/conf/all/forwarding
docker run --rm --sysctl net.ipv4.no_such_key=1 busybox true
docker run --rm --sysctl net.ipv4.ip_forward busybox true
docker run --rm --sysctl =1 busybox true
docker run --rm --sysctl kernel.domainname=x busybox true
docker run --rm --sysctl fs.mqueue.msg_max=20 busybox cat /proc/sys/fs/mqueue/msg_max
docker run --rm --sysctl kernel.shmmax=1 busybox cat /proc/sys/kernel/shmmax
docker run --rm --sysctl 'net.ipv4.ping_group_range=1 2' busybox sysctl net.ipv4.ping_group_range
docker run --rm --sysctl net.ipv4.ip_unprivileged_port_start=80 busybox sysctl net.ipv4.ip_unprivileged_port_start net.ipv4.ping_group_range
docker run --rm --sysctl net.ipv4.conf.lo.forwarding=0 busybox sysctl net.ipv4.conf.lo.forwarding
docker run --rm --network host busybox sysctl net.ipv4.ip_unprivileged_port_start net.ipv4.ping_group_range
docker create --name s3 --sysctl bogus busybox
docker create --name s3 --network host --sysctl net.ipv4.ip_forward=1 busybox
docker start s3
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' s3
docker run -d --name s4 --network host --sysctl net.ipv4.ip_forward=1 busybox sleep 1000
docker run --rm --network none --sysctl net.ipv4.ip_forward=0 busybox sysctl net.ipv4.ip_forward
docker run --rm --network container:s1 --sysctl net.core.somaxconn=512 busybox true
docker run --rm --sysctl net.ipv4.conf.eth0.forwarding=0 busybox sysctl net.ipv4.conf.eth0.forwarding
docker run --rm --sysctl net.ipv6.conf.all.disable_ipv6=0 busybox ip a
docker run --rm --sysctl net.ipv4.ip_forward=abc busybox true
docker run --rm --sysctl net.ipv4.ip_forward=1=2 busybox true
docker run --rm --network host --sysctl kernel.shmmax=1 busybox true
docker run --rm --sysctl net.ipv4.ip_forward=0 busybox cat /proc/sys/net/ipv4/conf/all/forwarding /proc/sys/net/ipv4/conf/eth0/forwarding
docker rm -f s1 s2 s3 s4
