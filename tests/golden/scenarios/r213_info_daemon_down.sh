#! dockerd --bip garbage
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
# docker info, system df, system prune and events when dockerd refused to start: what each client prints of its own before it finds no daemon.
docker info
docker info --format '{{.Containers}}'
docker info --format '{{json .ClientInfo.Context}}'
docker system info | head -3
docker system df
docker system prune -f
docker system prune </dev/null
docker system events --since 0s --until 0s
docker version --format '{{.Client.Version}}'
