# a HostIp that is not an address, through the Engine API
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"garbage","HostPort":"8086"}]}}}' "http://localhost/v1.41/containers/create?name=p7"
docker start p7
docker ps --format '{{.Names}} {{.Ports}}'
docker port p7
docker inspect -f '{{json .NetworkSettings.Ports}}' p7
iptables -t nat -S DOCKER
docker rm -f p7
