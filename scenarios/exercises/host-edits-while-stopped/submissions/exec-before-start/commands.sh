docker exec notes sh -c "cat /notes/todo.txt > /root/seen.txt"
docker start notes
