#! image busybox:latest CMD /bin/sh TOOLS busybox
#! file hello.txt
hello from the host
#! end
# docker cp of a small file between the host's working directory and a container's writable layer, both ways, to a directory and to a new name, running and stopped; what docker diff shows after.
docker run -itd --name web busybox
docker cp hello.txt web:/tmp/
docker exec web cat /tmp/hello.txt
docker exec web ls -l /tmp/hello.txt | awk '{print $1, $2, $3, $4, $5}'
docker cp hello.txt web:/tmp/renamed.txt
docker exec web cat /tmp/renamed.txt
docker exec web sh -c 'echo from the container > /tmp/out.txt'
docker cp web:/tmp/out.txt ./out.txt
cat out.txt
docker cp web:/tmp/out.txt copied.txt
cat copied.txt
docker cp hello.txt web:/nonexistent/dir/
docker cp hello.txt web:/nonexistent
docker exec web cat /nonexistent
docker cp hello.txt web:/tmp/hello.txt/x
docker cp web:/tmp/nosuch ./x
docker cp nosuch:/tmp/out.txt ./x
docker diff web | sort -k 2
docker stop -t 1 web
docker cp hello.txt web:/tmp/stopped.txt
docker cp web:/tmp/out.txt stopped-out.txt
cat stopped-out.txt
docker start web
docker exec web cat /tmp/stopped.txt
