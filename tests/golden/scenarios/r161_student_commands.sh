#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# What a student types after a networking tutorial: listings and templates on networks and containers, ports, ps filters, the /etc files, names across networks, brief ip listings, the host's addresses and routes by prefix, iptables.
docker network create --subnet 10.161.0.0/24 appnet
docker network create othernet
docker run -itd --name web --network appnet -p 8080:80 busybox
docker run -itd --name db --network appnet busybox
docker run -itd --name lone --network othernet busybox
docker run -itd --name def busybox
docker network ls
docker network ls --format '{{.Name}}\t{{.Driver}}\t{{.Scope}}'
docker network ls --format 'table {{.Name}}\t{{.Driver}}'
docker network ls -q --filter driver=bridge
docker network ls --no-trunc --filter name=app
docker network inspect appnet --format '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}'
docker network inspect -f '{{json .Options}}' bridge
docker inspect -f '{{.NetworkSettings.Networks.appnet.IPAddress}}' web
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web db lone def
docker inspect --format '{{.Name}} {{.State.Status}} {{.HostConfig.NetworkMode}}' web
docker inspect -f '{{json .NetworkSettings.Ports}}' web
docker inspect -f '{{.NetworkSettings.IPAddress}}' def
docker port web
docker port web 80
docker port web 80/tcp
docker port db
docker ps --filter network=appnet --format '{{.Names}}'
docker ps --filter name=web --format '{{.Names}} {{.Ports}}'
docker ps --filter publish=8080 --format '{{.Names}}'
docker ps --format 'table {{.Names}}\t{{.Networks}}'
docker ps -a --filter status=running --format '{{.Names}}'
docker exec web cat /etc/hosts
docker exec web cat /etc/resolv.conf
docker exec def cat /etc/hosts /etc/resolv.conf
docker exec web nslookup db
docker exec web ping -c1 db
docker exec web ping -c1 -W 1 lone
docker exec def ping -c1 -W 1 web
docker exec web ip -br a
docker exec web ip -4 -o addr
docker exec web ip -o link
docker exec web hostname -i
docker exec web ip addr show to 10.161.0.0/24
docker exec web ip route show match 10.161.0.9
docker exec web ip route show exact 10.161.0.0/24
docker exec web ip route show root 10.0.0.0/8
docker exec web ip route show 10.161.0.0/24
ip -br a show to 10.161.0.0/24
ip -4 -o addr show to 10.161.0.0/24
ip addr show to 10.161.0.0/24
ip addr show to nonsense
ip route show 10.161.0.0/24
ip route show match 10.161.0.5
ip route show exact 10.161.0.0/24
ip route show root 10.161.0.0/16
ip route show nonsense
ip route show root
ip route get 10.161.0.2
iptables -t nat -S DOCKER
iptables -t nat -L POSTROUTING -n --line-numbers
