#! dockerd --dns 127.0.0.1
# what a student tries on a user network: aliases, nslookup/ping/getent by name, container:, host and none modes,
# disconnect and reconnect with an alias, stop/start (recorded on 20.10, 26 and 28)
docker network create appnet
docker run -d --name db --network appnet --network-alias database busybox sleep 1000
docker run -d --name api --network appnet -e DB_HOST=db busybox sleep 1000
docker exec api nslookup database
docker exec api nslookup db.appnet
docker exec api ping -c 2 db
docker exec api getent hosts db
docker exec api sh -c 'echo $DB_HOST'
docker exec api cat /etc/resolv.conf
docker exec api arp -n
docker exec api ip neigh
docker exec db ifconfig eth0
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' db
docker inspect -f '{{.NetworkSettings.Networks.appnet.Aliases}}' db
docker inspect -f '{{json .NetworkSettings.Networks.appnet.DNSNames}}' db
docker run --rm --network appnet busybox nslookup api
docker run --rm busybox nslookup api
docker run --rm --network container:db busybox ip -4 addr show eth0
docker run --rm --network host busybox hostname
docker run --rm --network none busybox ip link
docker network disconnect appnet api
docker exec api ping -c 1 -W 1 db
docker network connect --alias backend appnet api
docker exec db nslookup backend
docker stop db
docker exec api nslookup database
docker start db
docker exec api ping -c 1 database
docker network ls -f driver=bridge --format '{{.Name}}'
docker network ls -q | wc -l
docker rm -f db api
docker network rm appnet
docker network ls --format '{{.Name}}'
