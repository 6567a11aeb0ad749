#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Connecting and disconnecting running and created containers, with addresses and aliases, renames, prunes, and what the listings show after each.
docker network create --subnet 10.174.0.0/24 --gateway 10.174.0.254 front
docker network create --internal --label team=x back
docker network create --attachable -o com.docker.network.bridge.name=br-side side
docker run -itd --name app --network front busybox
docker create -it --name late --network front busybox
docker network connect --ip 10.174.0.77 back app
docker start late
docker network connect --alias cache --alias store back late
docker exec app ip -4 -o addr
docker exec late nslookup cache
docker exec app nslookup store
docker exec app nslookup late.back
docker inspect -f '{{json .NetworkSettings.Networks.back.Aliases}}' late
docker inspect -f '{{json .NetworkSettings.Networks.back.IPAMConfig}}' app
docker network inspect -f '{{range $k, $v := .Containers}}{{$v.Name}} {{$v.IPv4Address}} {{end}}' back
docker network inspect -f '{{.Internal}} {{.Attachable}} {{json .Labels}}' back
docker network inspect -f '{{json .Options}}' side
docker network connect back app
docker network connect --ip 10.174.0.5 front late
docker network disconnect front late
docker network connect --ip 10.174.0.5 front late
docker exec late ip -4 -o addr
docker rename late later
docker exec app nslookup later
docker exec app nslookup late
docker network disconnect -f back app
docker network disconnect back app
docker network rm back
docker stop later
docker network disconnect back later
docker network rm back
docker network ls --format '{{.Name}}' --filter label=team=x
docker container prune -f
docker network prune -f
docker network ls --format '{{.Name}}'
ip -br link show type bridge
brctl show
docker exec app ip route
docker exec app ping -c1 -W1 10.174.0.254
docker network create gone
docker run -itd --name s1 --network gone busybox
docker stop s1
docker network rm gone
docker network inspect -f '{{json .Containers}}' gone
docker inspect -f '{{json .NetworkSettings.Networks}}' s1
docker start s1
docker network disconnect gone s1
docker network disconnect gone s1
docker start s1
docker inspect -f '{{.HostConfig.NetworkMode}} {{len .NetworkSettings.Networks}}' s1
