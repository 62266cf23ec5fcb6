docker build -t slim:1 .
