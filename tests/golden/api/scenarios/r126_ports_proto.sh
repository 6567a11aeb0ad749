# published ports with a protocol Docker does not know, through the Engine API: what start programs
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/tcp\n-A X":[{"HostIp":"","HostPort":"8080"}]}}}' "http://localhost/v1.41/containers/create?name=p1"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/xyz":[{"HostIp":"","HostPort":"8081"}]}}}' "http://localhost/v1.41/containers/create?name=p3"
docker start p1 p3
docker ps --format '{{.Names}} {{.Ports}}'
docker port p1
docker port p3
docker inspect -f '{{json .NetworkSettings.Ports}} {{json .HostConfig.PortBindings}}' p1 p3
iptables -t nat -S DOCKER
iptables -S DOCKER
docker rm -f p1 p3
