#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  node:
    image: busybox:latest
    tty: true
    mac_address: 02:42:0a:00:00:99
    networks:
      v6net:
        ipv6_address: fd00:dead:beef::10
        priority: 100
      plain:
        gw_priority: 10
networks:
  v6net:
    enable_ipv6: true
    ipam:
      config:
        - subnet: 10.60.0.0/24
        - subnet: fd00:dead:beef::/64
  plain:
    ipam:
      config:
        - subnet: 10.61.0.0/24
          aux_addresses:
            reserved: 10.61.0.2
#! end
# IPv6, a fixed MAC, priority (which interface is eth0) and gw_priority (which gives the default route).
docker compose --progress quiet up -d
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.GlobalIPv6Address}} {{$v.MacAddress}} {{$v.GwPriority}}; {{end}}' app-node-1
docker exec app-node-1 ip route
docker exec app-node-1 ip -6 addr show scope global
docker exec app-node-1 ip link show eth0
docker network inspect app_v6net --format '{{.EnableIPv6}} {{json .IPAM.Config}}'
docker network inspect app_plain --format '{{json .IPAM.Config}}'
docker compose --progress quiet down
