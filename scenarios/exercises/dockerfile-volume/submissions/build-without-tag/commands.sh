docker build .
docker run -dit --name dc01 tim/centos
