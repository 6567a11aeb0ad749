#! image busybox:latest CMD /bin/sh TOOLS busybox
# A container's writable layer as busybox writes it: touch, mkdir [-p], a shell's > and >>, cp, mv, ln -s, rm [-r|-f], rmdir; what ls -l shows of new files (times cut); /proc and /sys refusing; kept across exec, stop/start and restart, lost on rm.
docker run -itd --name web busybox
docker exec web touch /tmp/a
docker exec web ls -l /tmp | awk '{print $1, $2, $3, $4, $5, $9}'
docker exec web mkdir /tmp/d
docker exec web mkdir /tmp/d
docker exec web mkdir -p /tmp/d/e/f
docker exec web mkdir /tmp/x/y
docker exec web sh -c 'echo hello > /tmp/d/f; echo world >> /tmp/d/f; cat /tmp/d/f'
docker exec web ls -l /tmp/d | awk '{print $1, $2, $5, $9}'
docker exec web cat /tmp/d/f
docker exec web wc -c /tmp/d/f
docker exec web cp /tmp/d/f /tmp/g
docker exec web mv /tmp/g /tmp/h
docker exec web ln -s /tmp/h /tmp/link
docker exec web ls -l /tmp | awk '{print $1, $2, $5, $9, $10, $11}'
docker exec web cat /tmp/link
docker exec web cat /tmp/g
docker exec web rmdir /tmp/d
docker exec web rm /tmp/d
docker exec web rm -r /tmp/d
docker exec web rm -f /tmp/nonexistent
docker exec web rm /tmp/nonexistent
docker exec web ls -a /tmp
docker exec web touch /proc/x
docker exec web touch /sys/x
docker exec web mkdir /proc/x
docker exec web mkdir /sys/x
docker exec web rm /proc/version
docker exec web sh -c 'echo 1 > /proc/x'
docker exec web sh -c 'echo 1 > /sys/x'
docker exec web sh -c 'echo 1 > /tmp'
docker exec web sh -c 'echo 1 > /nonexistent/x'
docker exec web sh -c 'cat /tmp/a; echo $?'
docker exec web cp /tmp/nonexistent /tmp/q
docker exec web mv /tmp/nonexistent /tmp/q
docker exec web ln -s /tmp/h /tmp/link
docker exec web touch /tmp/h/x
docker stop -t 1 web
docker start web
docker exec web ls /tmp
docker restart -t 1 web
docker exec web cat /tmp/h
docker rm -f web
docker run -itd --name web busybox
docker exec web ls /tmp
