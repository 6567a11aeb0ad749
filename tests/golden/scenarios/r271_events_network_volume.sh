#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
# docker events for networks and volumes: create, connect, disconnect, mount, unmount, destroy; filters
docker network create --label team=blue front
docker volume create --label team=blue data
docker run -itd --name web1 --label role=web --network front -v data:/data busybox
docker network connect bridge web1
docker network disconnect bridge web1
docker rm -f web1
docker volume rm data
docker network rm front
docker run --rm --name rem1 -v /x busybox true
docker events --since 0 --until=-1s --filter type=network --format '{{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}} {{.Actor.Attributes.container}}'
docker events --since 0 --until=-1s --filter type=volume --format '{{.Action}} {{json .Actor.Attributes}}'
docker events --since 0 --until=-1s --filter type=network
docker events --since 0 --until=-1s --filter type=volume
docker events --since 0 --until=-1s --filter label=team=blue --format '{{.Type}} {{.Action}}'
docker events --since 0 --until=-1s --filter label=role=web --format '{{.Type}} {{.Action}} {{json .Actor.Attributes}}'
docker events --since 0 --until=-1s --filter network=front --format '{{.Type}} {{.Action}}'
docker events --since 0 --until=-1s --filter type=container --filter event=start --filter event=destroy --format '{{.Action}} {{.Actor.Attributes.name}}'
docker events --since 0 --until=-1s --filter type=image
docker events --since 0 --until=-1s --filter type=container --format '{{.Action}} {{.Actor.Attributes.name}}'
