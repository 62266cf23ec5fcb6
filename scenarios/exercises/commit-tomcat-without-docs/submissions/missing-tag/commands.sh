docker run -d --name tomcat01 tomcat
docker exec tomcat01 rm -rf webapps/docs
docker commit -m="This is my Tomcat" -a="Tim" tomcat01 xpu/tomcat_02
