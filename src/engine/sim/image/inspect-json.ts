// `docker image inspect`, shaped field for field like Docker 20.10's (docker-reference.md 4.2, 4.3).

import { goTime } from '../container/inspect-json.js';
import { configToJson } from './config.js';
import { DOCKER_VERSION, imageSize, type Image } from './image.js';
import { cacheId } from '../layer/cache-id.js';

/** The inspect object of an image; `refs` are its tags, `lastTagTime` when one was last set. */
export function imageJson(image: Image, refs: string[], lastTagTime: number | undefined): Record<string, unknown> {
  const size = imageSize(image);
  const chain = image.layer ? image.layer.chain() : [];
  const dir = (hex: string) => `/var/lib/docker/overlay2/${hex}`;
  const top = chain[chain.length - 1];
  return {
    Id: image.id,
    RepoTags: refs,
    RepoDigests: [],
    Parent: image.parent,
    Comment: image.comment,
    Created: goTime(image.created),
    Container: image.container,
    ContainerConfig: configToJson(image.containerConfig),
    DockerVersion: DOCKER_VERSION,
    Author: image.author,
    Config: configToJson(image.config),
    Architecture: 'amd64',
    Os: 'linux',
    Size: size,
    VirtualSize: size,
    GraphDriver: {
      Data: top
        ? {
            ...(chain.length > 1
              ? { LowerDir: chain.slice(0, -1).reverse().map((l) => `${dir(cacheId(l))}/diff`).join(':') }
              : {}),
            MergedDir: `${dir(cacheId(top))}/merged`,
            UpperDir: `${dir(cacheId(top))}/diff`,
            WorkDir: `${dir(cacheId(top))}/work`,
          }
        : null,
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', ...(chain.length ? { Layers: chain.map((l) => l.diffId) } : {}) },
    Metadata: { LastTagTime: lastTagTime === undefined ? '0001-01-01T00:00:00Z' : goTime(lastTagTime) },
  };
}
