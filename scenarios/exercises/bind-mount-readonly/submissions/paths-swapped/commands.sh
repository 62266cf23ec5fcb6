# host and container path the wrong way round
docker run -dit --name web -v /site:/srv/site:ro centos
docker run -dit --name editor -v /srv/site:/site centos
docker exec editor sh -c "echo edited > /site/edited.txt"
