docker build -t slim .
