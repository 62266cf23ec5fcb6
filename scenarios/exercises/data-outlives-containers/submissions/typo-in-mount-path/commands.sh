docker volume create appdata
docker run --name writer -v appdata:/date centos sh -c "echo hello > /data/msg.txt"
docker rm writer
