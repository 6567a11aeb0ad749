#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# IPAM on macvlan: --ip-range, --aux-address, --ip, no --gateway, no --subnet (default pool), IPv6; where the gateway shows.
ip link add lan0 type veth peer name lan0p
ip link set lan0 up
ip link set lan0p up
docker network create -d macvlan --subnet 10.65.0.0/24 --ip-range 10.65.0.128/28 --aux-address router=10.65.0.129 -o parent=lan0 mr
docker network inspect -f '{{json .IPAM}}' mr
docker run -itd --name r1 --network mr busybox
docker run -itd --name r2 --network mr --ip 10.65.0.50 busybox
docker run -itd --name r3 --network mr --ip 10.65.0.129 busybox
docker run -itd --name r4 --network mr --ip 10.66.0.5 busybox
docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Gateway}} {{json .IPAMConfig}}{{end}}' r1 r2
docker exec r1 ip -4 addr show eth0
docker exec r1 ip route
docker network create -d macvlan -o parent=lan0 md
docker network inspect -f '{{json .IPAM.Config}}' md
docker run -itd --name d1 --network md busybox
docker exec d1 ip route
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}/{{.IPPrefixLen}} {{.Gateway}}{{end}}' d1
docker network create -d macvlan --ipv6 --subnet 10.67.0.0/24 --subnet fd00:67::/64 -o parent=lan0 m6
docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' m6
docker run -itd --name s6 --network m6 busybox
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.GlobalIPv6Address}}/{{.GlobalIPv6PrefixLen}} {{.IPv6Gateway}}{{end}}' s6
docker exec s6 ip -6 route
docker exec s6 ip -6 addr show eth0 scope global
docker network create -d macvlan --subnet 10.68.0.0/24 --gateway 10.68.0.254 -o parent=lan0 mg
docker run -itd --name g1 --network mg busybox
docker exec g1 ip route
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.Gateway}}{{end}}' g1
