#! dockerd --dns 127.0.0.1 --experimental --ipv6 --fixed-cidr-v6 fd00:2::/64 --ip6tables
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# ip6tables as each engine programs it when IPv6 is on (20.10 needs --experimental for --ip6tables): the filter and nat tables in -S, -L, -L -n and ip6tables-save, with an IPv6 user network, a published port and the default bridge's IPv6.
docker network create --ipv6 --subnet fd00:84::/64 v6net
docker run -d --name web --network v6net --ip6 fd00:84::10 -p 8080:80 busybox httpd -f -p 80
docker run -itd --name c0 busybox
ip6tables -S
ip6tables -L
ip6tables -L -n
ip6tables -t nat -S
ip6tables -t nat -L -n
ip6tables -L FORWARD -n -v
ip6tables-save
ip6tables -t raw -S
docker exec c0 ping -c 1 -W 2 fd00:84::10
docker rm -f web c0
docker network rm v6net
ip6tables -S
