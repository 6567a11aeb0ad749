#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# Which driver checks what, and in what order: bridge options and several subnets on macvlan, host and null with a bad config, config-only with bridge options.
docker network create -d host --subnet bogus h1
docker network create -d null --subnet 10.98.0.0/24 --subnet 10.98.1.0/24 n1
docker network create -d host -o com.docker.network.bridge.enable_icc=maybe h2
docker network create -d macvlan -o parent=ifb0 -o com.docker.network.bridge.enable_icc=maybe --subnet 10.92.0.0/24 mv0
docker network inspect -f '{{.Name}} {{json .IPAM.Config}} {{.EnableIPv6}} {{json .Options}}' mv0
docker network rm mv0
docker network create -d macvlan -o parent=ifb0 -o com.docker.network.driver.mtu=big --subnet 10.92.1.0/24 mv1
docker network inspect -f '{{.Name}} {{json .IPAM.Config}} {{.EnableIPv6}} {{json .Options}}' mv1
docker network rm mv1
docker network create -d macvlan -o parent=ifb0 --subnet 10.93.0.0/24 --subnet 10.93.1.0/24 mv2
docker network inspect -f '{{.Name}} {{json .IPAM.Config}} {{.EnableIPv6}}' mv2
docker network rm mv2
docker network create -d macvlan -o parent=ifb0 --subnet 10.93.2.0/24 --subnet fd00:93::/64 mv3
docker network inspect -f '{{.Name}} {{json .IPAM.Config}} {{.EnableIPv6}}' mv3
docker network rm mv3
docker network create -d macvlan -o parent=ifb0 --ipv6 mv4
docker network inspect -f '{{.Name}} {{.EnableIPv6}} {{len .IPAM.Config}}' mv4
docker network rm mv4
docker network create -d macvlan -o parent=ifb0 -o macvlan_mode=bogus --subnet 10.94.0.0/24 --subnet 10.94.1.0/24 mv5
docker network create -d macvlan -o parent=ifb0 -o macvlan_mode=bogus -o com.docker.network.bridge.enable_icc=maybe mv6
docker network create -d ipvlan -o parent=ifb1 -o ipvlan_mode=bogus --subnet bogus iv0
docker network create --config-only --subnet 10.97.2.0/24 --subnet 10.97.3.0/24 cfg2
docker network create --config-only -o com.docker.network.bridge.enable_icc=maybe cfg3
docker network create -o com.docker.network.bridge.enable_icc=maybe --subnet 10.99.0.0/24 --subnet 10.99.1.0/24 br1
docker network ls --format '{{.Name}} {{.Driver}}'
