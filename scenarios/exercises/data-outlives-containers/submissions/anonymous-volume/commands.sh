docker run --name writer -v /data centos sh -c "echo hello > /data/msg.txt"
docker rm -v writer
