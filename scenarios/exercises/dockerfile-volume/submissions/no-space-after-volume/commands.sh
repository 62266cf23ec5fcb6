docker build -t tim/centos .
docker run -dit --name dc01 tim/centos
