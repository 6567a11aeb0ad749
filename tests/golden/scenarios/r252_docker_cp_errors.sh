#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker cp's answers for paths that are not there, and its argument checks.
docker run -itd --name web busybox
docker cp web:/nosuch .
docker cp nosuch web:/tmp/
docker cp web:/tmp/a web:/tmp/b
docker cp
docker cp web:/etc/hostname /nonexistent/dir/x
docker cp a b
docker cp nosuchc:/etc/hostname .
