#! host hostname=vm eth0=192.0.2.2/24 gateway=192.0.2.1 mtu=1400 nameserver=10.255.255.53
# Every command's --help as the client prints it, walked from the client's own listings
# (tests/golden/help_data.py).
docker --help
docker builder --help
docker completion --help
docker config --help
docker container --help
docker context --help
docker image --help
docker manifest --help
docker network --help
docker node --help
docker plugin --help
docker secret --help
docker service --help
docker stack --help
docker swarm --help
docker system --help
docker trust --help
docker volume --help
docker attach --help
docker build --help
docker commit --help
docker cp --help
docker create --help
docker diff --help
docker events --help
docker exec --help
docker export --help
docker history --help
docker images --help
docker import --help
docker info --help
docker inspect --help
docker kill --help
docker load --help
docker login --help
docker logout --help
docker logs --help
docker pause --help
docker port --help
docker ps --help
docker pull --help
docker push --help
docker rename --help
docker restart --help
docker rm --help
docker rmi --help
docker run --help
docker save --help
docker search --help
docker start --help
docker stats --help
docker stop --help
docker tag --help
docker top --help
docker unpause --help
docker update --help
docker version --help
docker wait --help
docker builder build --help
docker builder prune --help
docker completion bash --help
docker completion fish --help
docker completion powershell --help
docker completion zsh --help
docker config create --help
docker config inspect --help
docker config ls --help
docker config rm --help
docker container attach --help
docker container commit --help
docker container cp --help
docker container create --help
docker container diff --help
docker container exec --help
docker container export --help
docker container inspect --help
docker container kill --help
docker container logs --help
docker container ls --help
docker container pause --help
docker container port --help
docker container prune --help
docker container rename --help
docker container restart --help
docker container rm --help
docker container run --help
docker container start --help
docker container stats --help
docker container stop --help
docker container top --help
docker container unpause --help
docker container update --help
docker container wait --help
docker context create --help
docker context export --help
docker context import --help
docker context inspect --help
docker context ls --help
docker context rm --help
docker context update --help
docker context use --help
docker image build --help
docker image history --help
docker image import --help
docker image inspect --help
docker image load --help
docker image ls --help
docker image prune --help
docker image pull --help
docker image push --help
docker image rm --help
docker image save --help
docker image tag --help
docker manifest annotate --help
docker manifest create --help
docker manifest inspect --help
docker manifest push --help
docker manifest rm --help
docker network connect --help
docker network create --help
docker network disconnect --help
docker network inspect --help
docker network ls --help
docker network prune --help
docker network rm --help
docker node demote --help
docker node inspect --help
docker node ls --help
docker node promote --help
docker node ps --help
docker node rm --help
docker node update --help
docker plugin create --help
docker plugin disable --help
docker plugin enable --help
docker plugin inspect --help
docker plugin install --help
docker plugin ls --help
docker plugin push --help
docker plugin rm --help
docker plugin set --help
docker plugin upgrade --help
docker secret create --help
docker secret inspect --help
docker secret ls --help
docker secret rm --help
docker service create --help
docker service inspect --help
docker service logs --help
docker service ls --help
docker service ps --help
docker service rm --help
docker service rollback --help
docker service scale --help
docker service update --help
docker stack deploy --help
docker stack ls --help
docker stack ps --help
docker stack rm --help
docker stack services --help
docker swarm ca --help
docker swarm init --help
docker swarm join --help
docker swarm join-token --help
docker swarm leave --help
docker swarm unlock --help
docker swarm unlock-key --help
docker swarm update --help
docker system df --help
docker system events --help
docker system info --help
docker system prune --help
docker trust key --help
docker trust signer --help
docker trust inspect --help
docker trust revoke --help
docker trust sign --help
docker volume create --help
docker volume inspect --help
docker volume ls --help
docker volume prune --help
docker volume rm --help
docker trust key generate --help
docker trust key load --help
docker trust signer add --help
docker trust signer remove --help
docker network create -h
