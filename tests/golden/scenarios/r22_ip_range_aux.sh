#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# --ip-range, --aux-address and --gateway: where containers land, and the errors for bad combinations.
docker network create --subnet 10.20.0.0/24 --ip-range 10.20.0.128/25 rng
docker network inspect rng
docker run -itd --name r1 --network rng busybox
docker run -itd --name r2 --network rng busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rng.IPAddress}}' r1 r2
docker run -itd --name r3 --network rng --ip 10.20.0.10 busybox
docker run -itd --name r4 --network rng --ip 10.20.0.200 busybox
docker run -itd --name r5 --network rng --ip 10.20.0.130 busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.rng.IPAddress}}' r3 r4
docker network create --subnet 10.21.0.0/24 --gateway 10.21.0.254 --aux-address a1=10.21.0.1 --aux-address a2=10.21.0.2 gw
docker network inspect gw
docker run -itd --name g1 --network gw busybox
docker inspect -f '{{.NetworkSettings.Networks.gw.IPAddress}} {{.NetworkSettings.Networks.gw.Gateway}}' g1
docker run -itd --name g2 --network gw --ip 10.21.0.2 busybox
docker run -itd --name g3 --network gw --ip 10.21.0.254 busybox
docker exec g1 ip route
docker network create --subnet 10.29.0.0/16 --ip-range 10.29.5.0/24 --gateway 10.29.5.1 ingw
docker run -itd --name i1 --network ingw busybox
docker inspect -f '{{.NetworkSettings.Networks.ingw.IPAddress}} {{.NetworkSettings.Networks.ingw.Gateway}}' i1
docker network create --subnet 10.22.0.0/24 --ip-range 10.23.0.0/24 bad1
docker network create --subnet 10.22.0.0/24 --ip-range 10.22.0.0/25 --ip-range 10.22.0.128/25 bad2
docker network create --subnet 10.22.0.0/24 --aux-address 10.22.0.5 bad3
docker network create --subnet 10.22.0.0/24 --aux-address h1=10.22.0.5 --aux-address h1=10.22.0.6 bad4
docker network inspect -f '{{json .IPAM.Config}}' bad4
docker network rm bad4
docker network create --subnet 10.22.0.0/24 --aux-address h1=10.22.0.1 bad5
docker network create --subnet 10.22.0.0/24 --gateway 10.22.0.300 bad6
docker network create --subnet 10.22.0.0/24 --ip-range 10.22.0.0/33 bad7
docker network create --ip-range 10.22.0.0/25 bad8
docker network create --subnet 10.22.0.0/24 --ip-range 10.22.0.0/16 bad9
docker network rm bad9
docker network create --subnet 10.22.0.0/24 --gateway 10.22.0.0 edge1
docker network create --subnet 10.22.1.0/24 --gateway 10.22.1.255 edge2
docker network create --subnet 10.27.0.0/24 --subnet 10.28.0.0/24 --gateway 10.27.0.1 --gateway 10.28.0.1 multi
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' multi
docker run -itd --name m1 --network multi busybox
docker exec m1 ip a
docker network create --subnet 10.26.0.0/24 --subnet 10.26.0.0/25 overl
docker network ls --format '{{.Name}}'
