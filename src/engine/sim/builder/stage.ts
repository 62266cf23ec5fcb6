// One stage of a build as the legacy builder keeps it between steps (the image so far, its config, history and
// layers), and how a step's result joins it: a committed intermediate image, the build cache's key and lookup.

import { resolvePath } from '../fs/path.js';
import { cloneConfig, emptyConfig, type ContainerConfig } from '../image/config.js';
import { makeImage, type HistoryEntry, type Image } from '../image/image.js';
import type { Entry } from '../layer/entry.js';
import { Layer, MAX_LAYER_DEPTH } from '../layer/layer.js';
import { committedDiff } from '../layer/tar-layer.js';
import type { Daemon } from '../daemon.js';
import type { BuildRequest } from './build-request.js';
import { StepError } from './config-dispatch.js';
import { cacheFromLookup, type CacheSources } from './cache-from.js';

/** The builder's state of one stage. */
export interface Stage {
  name: string;
  image: Image | null;
  config: ContainerConfig;
  history: HistoryEntry[];
  layer: Layer | null;
  shell: string[];
  cmdSet: boolean;
  author: string;
  args: Map<string, string>;
  /** --cache-from's sources, shared by the build's stages (null without the flag) */
  sources: CacheSources | null;
}

/** A new layer from a container layer's entries; an empty diff adds no layer (moby's layer.IsEmpty rule). */
export function layerFrom(stage: Stage, diff: Map<string, Entry>): Layer | null {
  // a file the step named `.wh.x` arrives as the deletion of x, as when moby applies the step's layer tar
  const entries = committedDiff(diff);
  if (entries.size === 0) return stage.layer;
  if ((stage.layer?.depth ?? 0) >= MAX_LAYER_DEPTH) throw new StepError('max depth exceeded');
  return new Layer(stage.layer, entries);
}

/**
 * The build cache's answer for a step (unless --no-cache): prints "Using cache" and moves the stage onto the
 * image found, or returns null. `cmd` is the step's command line as the cache compares it.
 */
export function tryCache(daemon: Daemon, req: BuildRequest, stage: Stage, createdBy: string, cmd: string[], say: (text: string) => void): string | null {
  if (req.noCache) return null;
  const id = daemon.buildCache.get(cacheKey(stage, createdBy));
  const local = id ? daemon.images.get(id) : undefined;
  if (!stage.sources) {
    if (!local) return null;
    say(' ---> Using cache\n');
    return adopt(stage, local);
  }
  const config = cloneConfig(stage.config);
  config.Cmd = cmd;
  const hit = cacheFromLookup(daemon, stage.sources, stage.image, { createdBy, config }, local);
  if (!hit) return null;
  say(' ---> Using cache\n');
  // the builder keeps its own run config: a restored image's config is the probe's
  stage.image = hit;
  stage.history = [...hit.history];
  stage.layer = hit.layer;
  return hit.id;
}

function cacheKey(stage: Stage, createdBy: string): string {
  return `${stage.image?.id ?? 'scratch'}\n${createdBy}\n${JSON.stringify(stage.config)}`;
}

function adopt(stage: Stage, image: Image): string {
  stage.image = image;
  stage.config = cloneConfig(image.config);
  stage.history = [...image.history];
  stage.layer = image.layer;
  return image.id;
}

export function commitStep(
  daemon: Daemon,
  stage: Stage,
  step: { createdBy: string; cmd: string[]; containerId: string; layer: Layer | null; emptyLayer: boolean },
): string {
  const key = cacheKey(stage, step.createdBy);
  const created = daemon.clock.now();
  const parentId = stage.image?.id ?? '';
  const containerConfig = cloneConfig(stage.config);
  containerConfig.Hostname = step.containerId.slice(0, 12);
  if (containerConfig.WorkingDir) containerConfig.WorkingDir = resolvePath('/', containerConfig.WorkingDir);
  containerConfig.Image = parentId;
  containerConfig.Cmd = step.cmd;
  const config = cloneConfig(stage.config);
  config.Image = parentId;
  const image = daemon.images.add(
    makeImage({
      parent: parentId,
      comment: '',
      created,
      container: step.containerId,
      containerConfig,
      author: stage.author,
      config,
      layer: step.layer,
      history: [...stage.history, { created, createdBy: step.createdBy, comment: '', author: '', emptyLayer: step.emptyLayer }],
    }),
  );
  daemon.buildCache.set(key, image.id);
  return adopt(stage, image);
}

export function scratchImage(daemon: Daemon, stage: Stage): Image {
  return makeImage({ parent: '', comment: '', created: daemon.clock.now(), container: '', containerConfig: emptyConfig(), author: '', config: cloneConfig(stage.config), layer: null, history: [] });
}
