#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# Churn on a /28: ten containers, remove every other, three new ones, fill up, the full error.
docker network create --subnet 10.114.0.0/28 ch
docker run -itd --name c01 --network ch busybox
docker run -itd --name c02 --network ch busybox
docker run -itd --name c03 --network ch busybox
docker run -itd --name c04 --network ch busybox
docker run -itd --name c05 --network ch busybox
docker run -itd --name c06 --network ch busybox
docker run -itd --name c07 --network ch busybox
docker run -itd --name c08 --network ch busybox
docker run -itd --name c09 --network ch busybox
docker run -itd --name c10 --network ch busybox
docker rm -f c02
docker rm -f c04
docker rm -f c06
docker rm -f c08
docker rm -f c10
docker run -itd --name d1 --network ch busybox
docker run -itd --name d2 --network ch busybox
docker run -itd --name d3 --network ch busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.ch.IPAddress}}' c01 c03 c05 c07 c09 d1 d2 d3
docker run -itd --name e1 --network ch busybox
docker run -itd --name e2 --network ch busybox
docker run -itd --name e3 --network ch busybox
docker run -itd --name e4 --network ch busybox
docker run -itd --name e5 --network ch busybox
docker run -itd --name e6 --network ch busybox
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.ch.IPAddress}}' e1 e2 e3 e4 e5
docker network inspect -f '{{len .Containers}}' ch
docker ps -a --filter status=created --format '{{.Names}} {{.Status}}'
