#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# busybox's view of the container's system a student looks at: mounts (the recording machine's vfs storage on /dev/vda), df cut to its names, pwd, which, readlink, /proc/1/cmdline, dmesg refused; and what writes to the container's files (touch, mkdir, rm, a redirection) leave behind.
docker run -itd --name web busybox
docker run -d --name sleeper busybox sleep 1000
docker exec web pwd
docker exec -w /tmp web pwd
docker exec web mount
docker exec web cat /proc/mounts
docker exec web cat /etc/mtab
docker exec web df | awk '{print $1, $NF}'
docker exec web df -h / | awk '{print $1, $NF}'
docker exec web df /etc/hosts | awk '{print $1, $NF}'
docker exec web which ping
docker exec web which ls sh
docker exec web which nosuch
docker exec web which
docker exec web readlink /bin/ls
docker exec web readlink /etc/mtab
docker exec web readlink /etc/hosts
docker exec web cat /proc/1/cmdline
docker exec sleeper cat /proc/1/cmdline
docker exec web cat /.dockerenv
docker exec web dmesg
docker exec web free | awk '{print $1}'
docker exec web touch /tmp/x
docker exec web ls /tmp
docker exec web mkdir /tmp/d
docker exec web ls -F /tmp
docker exec web sh -c 'echo hi > /tmp/f; cat /tmp/f'
docker exec web cat /tmp/f
docker exec web rm /tmp/x
docker exec web rm /tmp/nonexistent
docker exec web rmdir /tmp/d
docker exec web ls /tmp
docker exec web mkdir /etc
docker exec web touch /nonexistent/x
