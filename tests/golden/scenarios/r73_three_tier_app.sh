#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image centos:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp 443/tcp TOOLS busybox
# A course's 3-tier app: frontend/backend/db networks, proxy on front+back publishing 80, app on back+db, db on db only.
docker network create frontend
docker network create backend
docker network create --internal db-net
docker network ls
docker run -d -it --name db --network db-net busybox
docker run -d -it --name app --network backend busybox
docker network connect db-net app
docker run -d -it --name proxy --network frontend -p 8080:80 web
docker network connect backend proxy
docker ps --format 'table {{.Names}}\t{{.Ports}}'
docker port proxy
docker exec proxy ping -c 1 -W 1 app
docker exec app ping -c 1 -W 1 db
docker exec proxy ping -c 1 -W 1 db
docker exec proxy nslookup app
docker exec app nslookup db
docker exec db ping -c 1 -W 1 proxy
docker inspect -f '{{.NetworkSettings.Networks.backend.IPAddress}} {{.NetworkSettings.Networks.frontend.IPAddress}}' proxy
docker inspect -f '{{range $n, $e := .NetworkSettings.Networks}}{{$n}}:{{$e.IPAddress}} {{end}}' app
docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' frontend
docker network inspect db-net
docker exec db ip route
iptables -S
iptables -t nat -S
iptables -t raw -S
docker stop -t 1 app
docker run -d -it --name app2 --network backend busybox
docker start app
docker inspect -f '{{.Name}} {{.NetworkSettings.Networks.backend.IPAddress}}' app app2
docker exec proxy ping -c 1 -W 1 app
docker network disconnect frontend proxy
docker port proxy
docker exec proxy ip -4 route
docker network disconnect backend app
docker exec app ping -c 1 -W 1 db
docker rm -f proxy app app2 db
docker network prune -f
docker network ls
