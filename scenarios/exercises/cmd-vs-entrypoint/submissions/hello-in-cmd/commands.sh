docker build -t greeter .
docker run --name default greeter
docker run --name custom greeter Docker
