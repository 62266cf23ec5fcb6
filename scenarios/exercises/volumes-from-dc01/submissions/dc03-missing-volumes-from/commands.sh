docker run -dit --name dc01 tim/centos
docker run -dit --name dc02 --volumes-from dc01 tim/centos
docker run -dit --name dc03 tim/centos
docker exec dc02 touch /dataVolume1/dc02_add.txt
docker rm -f dc01
