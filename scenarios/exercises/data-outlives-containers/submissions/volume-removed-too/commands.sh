docker volume create appdata
docker run --name writer -v appdata:/data centos sh -c "echo hello > /data/msg.txt"
docker rm writer
docker volume rm appdata
