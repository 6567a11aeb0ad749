#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
# docker events: windows, image events, tags, bad filters and formats
docker tag busybox mybox:1
docker rmi mybox:1
docker network create n1
docker events --since 0 --until=-1s --filter type=image --format '{{.Action}} {{json .Actor.Attributes}}'
docker events --since 0 --until=-1s --filter type=network --filter event=create --format '{{.Action}} {{.Actor.Attributes.name}}'
docker events --since 0 --until 1 --format '{{.Action}}'
docker events --since=-1s --until=-1s --format '{{.Action}}'
docker events --since 0 --until=-1s --filter type=bogus
docker events --since 0 --until=-1s --filter event=bogus
docker events --since 0 --until=-1s --format '{{.Nope}}'
docker events --since 0 --until=-1s --format '{{json .Actor'
docker events --since 0 --until=-1s --filter type=network --format '{{json .Actor}} {{.Type}} {{.ID}} {{.Status}}'
docker events --since 0 --until=-1s --filter scope=local --filter type=network --format '{{.Action}} {{.Scope}}'
docker events --since 0 --until=-1s --filter daemon=x --format '{{.Action}}'
docker network rm n1
docker events --since 0 --until=-1s --filter type=network --format '{{.Action}} {{.Actor.Attributes.name}}'
