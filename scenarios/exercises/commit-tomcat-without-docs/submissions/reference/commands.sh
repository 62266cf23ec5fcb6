# start tomcat in the background, delete the docs, commit
docker run -d --name tomcat01 -p 8888:8080 tomcat
docker exec tomcat01 rm -rf webapps/docs
docker commit -m="This is my Tomcat" -a="Tim" tomcat01 xpu/tomcat_02:1.2
