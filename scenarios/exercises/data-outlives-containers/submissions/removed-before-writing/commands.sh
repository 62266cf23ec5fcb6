docker volume create appdata
docker rm writer
docker run --name writer -v appdata:/data centos sh -c "echo hello > /data/msg.txt"
