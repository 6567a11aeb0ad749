#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --ip6 errors: outside the subnet, on a v4-only network, the gateway, invalid, in use, on the default bridge; overlapping v6 subnets; network connect --ip6.
docker network create --ipv6 --subnet fd00:91::/64 v6a
docker network create --ipv6 --subnet fd00:91::/64 v6b
docker network create --ipv6 --subnet fd00:91::/48 v6c
docker network create --subnet 10.93.0.0/24 v4only
docker network create --ipv6 --subnet fd00:90::/64 --gateway fd00:90::1 --subnet 10.94.0.0/24 v6g
docker run -itd --name e1 --network v6a --ip6 fd00:99::5 busybox
docker run -itd --name e2 --network v4only --ip6 fd00:91::5 busybox
docker run -itd --name e3 --network v6g --ip6 fd00:90::1 busybox
docker run -itd --name e4 --network v6a --ip6 zz busybox
docker run -itd --name e5 --network v6a --ip6 fd00:91::5 busybox
docker run -itd --name e6 --network v6a --ip6 fd00:91::5 busybox
docker run -itd --name e7 --ip6 fd00:91::6 busybox
docker run -itd --name e8 --network v6a --ip6 10.0.0.5 busybox
docker ps -a --format '{{.Names}} {{.Status}}'
docker run -itd --name n1 busybox
docker network connect --ip6 fd00:91::7 v6a n1
docker network connect --ip6 fd00:99::7 v6g n1
docker network connect --ip6 fd00:91::8 v4only n1
docker network connect --ip6 zz v6g n1
docker network connect --ip6 fd00:90::1 v6g n1
docker network connect --ip 10.94.0.9 --ip6 fd00:90::9 v6g n1
docker inspect -f '{{json .NetworkSettings.Networks}}' n1
docker exec n1 ip -6 addr show eth1
docker exec n1 ip -6 addr show eth2
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.GlobalIPv6Address}} {{json $v.IPAMConfig}}{{println}}{{end}}' n1
docker network inspect v6a
