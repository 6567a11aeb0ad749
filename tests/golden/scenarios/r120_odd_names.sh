# Network names and bridge names that are not plain words: which ones each engine refuses, and how
docker network create " "
docker network create "  "
docker network create "a b"
docker network create " lead"
docker network create "trail "
docker network create "a/b"
docker network create "/lead"
docker network create "."
docker network create ".."
docker network create "a:b"
docker network create "a;b"
docker network create "-"
docker network ls --format '{{json .Name}}'
docker network inspect -f '{{json .Name}}' "a/b"
docker network inspect -f '{{json .Name}}' " "
docker network rm "a/b"
docker network rm " "
docker network rm "a b"
docker network create -o com.docker.network.bridge.name=mybr0123456789a n15
docker network create -o com.docker.network.bridge.name=mybr0123456789ab n16
docker network create -o com.docker.network.bridge.name=mybr/x nslash
docker network create -o "com.docker.network.bridge.name=mybr x" nspace
docker network create -o com.docker.network.bridge.name=mybr:x ncolon
docker network create -o "com.docker.network.bridge.name=mybr;x" nsemi
docker network create -o com.docker.network.bridge.name=. ndot
docker network create -o com.docker.network.bridge.name=.. ndotdot
docker network ls --format '{{.Name}}'
ip -o link show | grep -c mybr
docker run -d --name "c;d" busybox
docker run -d --name "c d" busybox
docker run -d --name "c/d" busybox
docker run -d --name "/cd" busybox
docker run -d --name "-cd" busybox
docker ps -a --format '{{.Names}}'
docker run -d --mac-address "02:42:ac:11:00:02;x" busybox
docker run -d --mac-address "02:42:ac:11:00:0" busybox
docker network rm n15 nsemi
docker network rm ncolon nspace nslash n16 ndot ndotdot
docker network ls --format '{{.Name}}'
