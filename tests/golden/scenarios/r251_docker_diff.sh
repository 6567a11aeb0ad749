#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker diff: a container's changes against its image (A added, C changed, D deleted). The daemon walks its trees in Go map order, so the lines are sorted here.
docker create --name cc busybox
docker diff cc
docker run -itd --name web busybox
docker diff web
docker exec web touch /tmp/a
docker exec web mkdir -p /tmp/d/e
docker exec web sh -c 'echo hi > /tmp/d/e/f'
docker diff web | sort -k 2
docker exec web rm /bin/ls
docker exec web sh -c 'echo x > /etc/motd'
docker diff web | sort -k 2
docker exec web rm -r /tmp/d
docker diff web | sort -k 2
docker stop -t 1 web
docker diff web | sort -k 2
docker diff nosuch
docker diff
docker diff web cc
docker container diff cc
