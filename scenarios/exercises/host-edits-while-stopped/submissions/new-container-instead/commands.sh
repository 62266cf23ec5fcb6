# runs a second container instead of restarting notes
docker run -dit --name notes2 -v /data/notes:/notes centos
docker exec notes2 sh -c "cat /notes/todo.txt > /root/seen.txt"
