#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
# docker events over a closed window (--since 0, --until a second ahead): a container's life, in each format
docker run -itd --name box1 busybox
docker exec box1 true
docker pause box1
docker unpause box1
docker rename box1 box2
docker kill box2
docker start box2
docker restart -t 0 box2
docker stop -t 0 box2
docker rm box2
docker run --name once busybox true
docker rm once
docker events --since 0 --until=-1s --filter type=container --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'
docker events --since 0 --until=-1s --filter type=container
docker events --since 0 --until=-1s --filter event=die --format '{{json .Actor}}'
docker events --since 0 --until=-1s --filter container=once --format '{{.Status}} {{.From}} {{.Action}} {{.Scope}}'
docker events --since 0 --until=-1s --format '{{.Type}} {{.Action}}'
