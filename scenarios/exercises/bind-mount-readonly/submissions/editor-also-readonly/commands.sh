docker run -dit --name web -v /srv/site:/site:ro centos
docker run -dit --name editor -v /srv/site:/site:ro centos
docker exec editor sh -c "echo edited > /site/edited.txt"
