#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
# A bridge's forwarding database (iproute2's bridge fdb, bridge-utils' brctl showmacs): the bridge's and each port's own MAC are permanent local entries, beside the multicast groups each device joined ("self"); a container's MAC is learned on its port once it sends (28 announces its addresses at start, 20.10's IPv6 sends too, 26 waits for the ping); bridge link lists the ports, bridge vlan nothing (no VLAN filtering). The bridge has a fixed name (removed at the end).
docker network create --subnet 10.77.0.0/24 -o com.docker.network.bridge.name=labbr lan
bridge fdb show br labbr
brctl showmacs labbr
docker run -itd --name c1 --network lan --ip 10.77.0.10 --mac-address 02:42:0a:4d:00:0a busybox
docker run -itd --name c2 --network lan --ip 10.77.0.20 --mac-address 02:42:0a:4d:00:14 busybox
sleep 3
bridge fdb show br labbr
brctl showmacs labbr | awk '{print $1, $2, $3}'
bridge link show | grep -c labbr
bridge vlan show
docker exec c1 ping -c 1 -W 2 10.77.0.20
sleep 1
bridge fdb show br labbr
bridge fdb show br labbr | grep -v permanent
brctl showmacs labbr | awk '{print $1, $2, $3}'
bridge fdb show br nosuch
brctl showmacs nosuch
bridge fdb nosuch
docker rm -f c1 c2
bridge fdb show br labbr
brctl showmacs labbr
docker network rm lan
