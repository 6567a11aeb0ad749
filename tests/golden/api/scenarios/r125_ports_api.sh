# published and exposed ports the CLI would never send, through the Engine API: create, then start
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/tcp\n-A X":[{"HostIp":"","HostPort":"8080"}]}}}' "http://localhost/v1.41/containers/create?name=p1"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"abc/tcp":[{"HostIp":"","HostPort":"8080"}]}}}' "http://localhost/v1.41/containers/create?name=p2"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/xyz":[{"HostIp":"","HostPort":"8080"}]}}}' "http://localhost/v1.41/containers/create?name=p3"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"99999/tcp":[{"HostIp":"","HostPort":"8080"}]}}}' "http://localhost/v1.41/containers/create?name=p4"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"80\n-A X"}]}}}' "http://localhost/v1.41/containers/create?name=p5"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"99999"}]}}}' "http://localhost/v1.41/containers/create?name=p6"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"garbage","HostPort":"8086"}]}}}' "http://localhost/v1.41/containers/create?name=p7"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"ExposedPorts":{"1-2/tcp;x":{}}}' "http://localhost/v1.41/containers/create?name=p8"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","Cmd":["sleep","60"],"ExposedPorts":{"81/tcp\n-A X":{}},"HostConfig":{"PublishAllPorts":true}}' "http://localhost/v1.41/containers/create?name=p9"
docker ps -a --format '{{.Names}}'
docker start p1
docker start p2
docker start p3
docker start p4
docker start p5
docker start p6
docker start p7
docker start p8
docker start p9
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm -f p1 p2 p3 p4 p5 p6 p7 p8 p9
