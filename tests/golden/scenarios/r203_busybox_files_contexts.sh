#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# the same files from other places: a shell's cd and redirections, exec -w, a --rm run, a container sharing another's namespace (container:), after the donor's network changes, a default-bridge container and a user-network one side by side; ls of /proc and /sys's net directories; errors of the applets' options.
docker network create --subnet 10.203.0.0/24 cnet
docker run -itd --name web --network cnet --ip 10.203.0.10 busybox
docker run -itd --name side --network container:web busybox
docker run -itd --name plain busybox
docker exec web sh -c 'cd /proc/net && cat route'
docker exec web sh -c 'cd /sys/class/net/eth0 && cat mtu address | wc -l'
docker exec web sh -c 'cat < /etc/hostname | wc -c'
docker exec web sh -c 'for i in lo eth0; do cat /sys/class/net/$i/operstate; done'
docker exec -w /proc/net web cat route
docker exec -w /sys/class/net web ls
docker exec -w /nonexistent web ls
docker exec side ls /sys/class/net
docker exec side cat /proc/net/route
docker exec side cat /sys/class/net/eth0/address
docker exec web cat /sys/class/net/eth0/address
docker exec plain cat /proc/net/route
docker exec plain cat /sys/class/net/eth0/address
docker exec plain cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6
docker exec plain cat /proc/net/if_inet6
docker network create --subnet 10.204.0.0/24 dnet
docker network connect dnet web
docker exec side ls /sys/class/net
docker exec side cat /proc/net/route
docker run --rm --network cnet busybox cat /proc/net/route
docker run --rm --network cnet busybox ls -1 /sys/class/net
docker run --rm busybox cat /etc/hostname /nonexistent
docker exec web ls -w 20 -x /
docker exec web ls -C /
docker exec web ls -w
docker exec web ls --bogus
docker exec web cat /proc/net/arp /proc/net/route
docker exec web find /sys/class/net
docker exec web find /etc -type l
docker exec web find /etc -name 'host*' | sort
docker exec web find /dev -maxdepth 1 -type c | sort
docker exec web readlink -f /etc/mtab
docker exec web readlink -f /sys/class/net/eth0
docker exec web ls /sys/devices/virtual/net
docker exec web cat /sys/class/net/eth1/mtu
docker exec web sysctl -n net.ipv4.ip_forward
docker exec web df /nonexistent
docker exec web ls -l /proc/net/route | awk '{print $1, $5, $9}'
