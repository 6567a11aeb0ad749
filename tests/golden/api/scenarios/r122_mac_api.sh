# MACs the CLI lets through or only the API can carry: what create and start do with them
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","MacAddress":"02:42:ac:11:00:02;x"}' "http://localhost/v1.41/containers/create?name=m1"
docker start m1
docker ps -a --format '{{.Names}} {{.Status}}'
docker run -d --name m2 --mac-address 02:42:ac:11:00:02:00:01 busybox
docker run -d --name m3 --mac-address 02-42-AC-11-00-09 busybox
docker inspect -f '{{.Config.MacAddress}} {{.NetworkSettings.MacAddress}}' m3
docker run -d --name m4 --mac-address 0242.ac11.000a busybox
docker inspect -f '{{.NetworkSettings.MacAddress}}' m4
docker run -d --name m5 --mac-address 03:42:ac:11:00:0b busybox
docker ps -a --format '{{.Names}} {{.Status}}'
docker network create --subnet 10.5.0.0/24 n1
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Container":"m3","EndpointConfig":{"MacAddress":"zz"}}' http://localhost/v1.41/networks/n1/connect
docker rm -f m1 m2 m3 m4 m5
docker network rm n1
