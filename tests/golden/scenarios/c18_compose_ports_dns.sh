#! dockerd --dns 127.0.0.1
#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
#! image busybox:latest CMD /bin/sh TOOLS busybox
#! image web:latest CMD /bin/sh EXPOSE 80/tcp TOOLS busybox
#! file compose.yaml
services:
  web:
    image: web:latest
    tty: true
    hostname: webhost
    domainname: example.test
    dns: [127.0.0.1]
    dns_search: [corp.test]
    extra_hosts:
      - "gateway.test:192.0.2.1"
    ports:
      - target: 80
        published: "8081"
        protocol: tcp
        host_ip: 127.0.0.1
      - "9090:90"
      - "7000"
    links:
      - "db:database"
    depends_on: [db]
  db:
    image: busybox:latest
    tty: true
    container_name: the-db
#! end
# Ports (long and short syntax, ephemeral), links, container_name, dns, extra_hosts, hostname.
docker compose up -d
docker compose ps --format '{{.Name}} {{.Ports}}'
docker port app-web-1
docker compose port web 7000
docker exec app-web-1 cat /etc/resolv.conf
docker exec app-web-1 cat /etc/hosts
docker exec app-web-1 hostname
docker exec app-web-1 nslookup database
docker inspect -f '{{json .HostConfig.Links}} {{json .HostConfig.ExtraHosts}} {{json .HostConfig.Dns}}' app-web-1
docker compose down
