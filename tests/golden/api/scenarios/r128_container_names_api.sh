#! image busybox:latest CMD /bin/sh TOOLS busybox
# Container names through the Engine API: one character, a leading '/', rename to one character
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox"}' "http://localhost/v1.41/containers/create?name=a"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox"}' "http://localhost/v1.41/containers/create?name=%2Fb"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox"}' "http://localhost/v1.41/containers/create?name=ab" | cut -c1-7
curl -s -X POST --unix-socket "${DOCKER_HOST#unix://}" "http://localhost/v1.41/containers/ab/rename?name=c"
curl -s -X POST --unix-socket "${DOCKER_HOST#unix://}" "http://localhost/v1.41/containers/ab/rename?name=%2Fc"
curl -s -X POST --unix-socket "${DOCKER_HOST#unix://}" -o /dev/null -w '%{http_code}\n' "http://localhost/v1.41/containers/ab/rename?name=c"
docker ps -a --format '{{.Names}}'
