#! dockerd --default-address-pool base=10.123.0.0/16,size=24 --default-address-pool base=10.124.0.0/16,size=26
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
# docker info where dockerd was given its default address pools: the section docker info adds and the JSON a template reads.
docker info | grep -v -e ' ID: ' -e 'Runtimes:'
docker info --format '{{json .DefaultAddressPools}}'
docker info --format '{{range .DefaultAddressPools}}{{.Base}} /{{.Size}}{{println}}{{end}}'
docker system info | grep -A3 'Default Address Pools'
docker network create p1
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' p1
docker info --format '{{len .DefaultAddressPools}} {{(index .DefaultAddressPools 1).Base}}'
