# Names the docker CLI cannot carry in one argument through a plain shell line, and NUL via the Engine API
docker network create "$(printf 'x\ny')"
docker network create "$(printf 'x\ty')"
docker network create "$(printf '\t')"
docker network create "$(printf ' \n ')"
docker network ls --format '{{json .Name}}'
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Name":"n\u0000ul"}' http://localhost/v1.41/networks/create
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Name":"tr\n"}' http://localhost/v1.41/networks/create
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Name":" "}' http://localhost/v1.41/networks/create
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Name":""}' http://localhost/v1.41/networks/create
docker network ls --format '{{json .Name}}'
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox"}' "http://localhost/v1.41/containers/create?name=c%0A"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox"}' "http://localhost/v1.41/containers/create?name=c%00d"
curl -s --unix-socket "${DOCKER_HOST#unix://}" -H 'Content-Type: application/json' -d '{"Image":"busybox","MacAddress":"02:42:ac:11:00:02;x"}' "http://localhost/v1.41/containers/create?name=m1"
docker run -d --name "$(printf 'c\nd')" busybox
docker ps -a --format '{{json .Names}}'
docker network ls -q | wc -l
