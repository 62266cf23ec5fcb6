docker build -t slim:1 .
docker history slim:1
