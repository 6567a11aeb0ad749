#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
# docker system and docker info as typed wrong, their help, docker version in full, events in a window that closes.
docker info --bogus
docker info extra
docker info -f
docker system bogus
docker system
docker system --help
docker system df --bogus
docker system df extra
docker system prune extra
docker system info extra
docker system prune --filter bogus=1 -f
docker system prune --filter until=bogus -f
docker system prune --filter label=x -f
docker info --format '{{.Nope}}'
docker info --format '{{json .Plugins'
docker system df --format '{{.Nope}}'
docker system df -v --format '{{.Nope}}'
docker system df --format '{{.Nope'
docker system events --since 0s --until 0s
docker events --since 0s --until 0s
docker events --since 0s --until 0s --filter type=container
docker system events --since bogus --until 0s
docker events --until bogus
docker events --filter bogus=1 --since 0s --until 0s
docker version
docker version --format '{{json .}}'
docker version --format '{{.Server.Version}} {{.Client.Version}} {{.Server.KernelVersion}} {{.Client.GoVersion}}'
docker version --format '{{range .Server.Components}}{{.Name}}={{.Version}} {{end}}'
docker info --help
docker system df --help
docker system prune --help
docker system events --help
