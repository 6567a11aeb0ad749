#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# docker run's naming and DNS options as a student tries them: hostname, domainname, add-host, dns options, links, env and workdir in exec, --rm, one-off commands, and what each file shows.
docker network create net1
docker run -itd --name h1 --hostname box1 --domainname example.test --network net1 busybox
docker exec h1 hostname
docker exec h1 hostname -f
docker exec h1 cat /etc/hosts
docker exec h1 cat /etc/hostname
docker run -itd --name h2 --add-host db.local:10.9.9.9 --add-host other:10.9.9.10 --dns 10.0.0.53 --dns-search corp.test --dns-option ndots:2 busybox
docker exec h2 cat /etc/hosts
docker exec h2 cat /etc/resolv.conf
docker inspect -f '{{json .HostConfig.ExtraHosts}} {{json .HostConfig.Dns}} {{json .HostConfig.DnsSearch}} {{json .HostConfig.DnsOptions}}' h2
docker run -itd --name h3 --link h2:alias2 busybox
docker exec h3 cat /etc/hosts
docker exec h3 env
docker inspect -f '{{json .HostConfig.Links}}' h3
docker run --rm busybox hostname
docker run --rm --network net1 busybox cat /etc/resolv.conf
docker run --rm --network none busybox ip -o link
docker run --rm --network host busybox hostname
docker run --rm -e FOO=bar busybox sh -c 'echo $FOO'
docker exec -e A=1 -w /tmp h1 sh -c 'echo $A; pwd'
docker exec -u nobody h1 id
docker run --rm --name tmp1 busybox echo done
docker ps -a --format '{{.Names}}'
docker run -d --name quick busybox true
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Running}}' quick
docker start quick
docker inspect -f '{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Gateway}}' quick
docker rm quick
docker run --rm --network container:h1 busybox hostname
docker run --rm busybox --help
docker run --rm busybox sh -c 'exit 3'
docker run -itd --name h4 --ip 172.17.0.50 busybox
docker run -itd --name h5 --network net1 --ip 172.18.0.50 busybox
