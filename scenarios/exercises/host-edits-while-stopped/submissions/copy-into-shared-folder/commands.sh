docker start notes
docker exec notes sh -c "cat /notes/todo.txt > /root/seen.txt; echo seen >> /notes/todo.txt"
