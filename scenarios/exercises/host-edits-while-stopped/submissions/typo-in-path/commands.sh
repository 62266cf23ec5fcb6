docker start notes
docker exec notes sh -c "cat /note/todo.txt > /root/seen.txt"
