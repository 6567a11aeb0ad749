#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# the network state a student reads as files in a busybox container: /proc/net/route, dev and arp, /sys/class/net/IFACE/*, /proc/sys/net, sysctl; with two networks, after a disconnect, with --network none; cat's errors.
docker network create --subnet 10.201.0.0/24 fnet
docker network create --subnet 10.202.0.0/24 bnet
docker run -itd --name web --network fnet --ip 10.201.0.10 busybox
docker network connect --ip 10.202.0.10 bnet web
docker run -itd --name db --network fnet --ip 10.201.0.20 busybox
docker exec web ls /sys/class/net
docker exec web cat /proc/net/route
docker exec db cat /proc/net/route
docker exec web cat /proc/net/dev | awk '{print $1, NF}'
docker exec web cat /proc/net/if_inet6
docker exec web cat /proc/net/arp
docker exec web ping -c 1 10.201.0.20
docker exec web cat /proc/net/arp
docker exec web cat /sys/class/net/eth0/address
docker exec web cat /sys/class/net/eth1/address
docker exec web cat /sys/class/net/eth0/mtu
docker exec web cat /sys/class/net/lo/mtu
docker exec web cat /sys/class/net/eth0/operstate
docker exec web cat /sys/class/net/lo/operstate
docker exec web cat /sys/class/net/eth0/ifindex
docker exec web cat /sys/class/net/eth1/ifindex
docker exec web cat /sys/class/net/lo/ifindex
docker exec web cat /sys/class/net/eth0/type
docker exec web cat /sys/class/net/lo/type
docker exec web cat /sys/class/net/eth0/carrier
docker exec web cat /sys/class/net/eth0/broadcast
docker exec web cat /sys/class/net/eth0/tx_queue_len
docker exec web cat /sys/class/net/lo/address
docker exec web cat /sys/class/net/eth9/mtu
docker exec web cat /sys/class/net/eth0
docker exec web cat /proc/sys/net/ipv4/ip_forward
docker exec web cat /proc/sys/net/ipv6/conf/all/disable_ipv6
docker exec web cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6
docker exec web sysctl net.ipv4.ip_forward
docker exec web sysctl net.ipv6.conf.all.disable_ipv6
docker exec web sysctl net.ipv4.nosuch
docker exec web cat /proc/sys/kernel/hostname
docker exec web cat /etc/hostname
docker exec web cat /etc/os-release
docker exec web cat /etc/passwd
docker exec web cat /etc
docker exec web cat /nonexistent /etc/hostname
docker exec web wc -l /etc/hosts
docker exec web head -n 1 /etc/hosts
docker exec web grep nameserver /etc/resolv.conf
docker run --rm --network none busybox cat /proc/net/route
docker run --rm --network none busybox ls /sys/class/net
docker network disconnect bnet web
docker exec web ls /sys/class/net
docker exec web cat /proc/net/route
