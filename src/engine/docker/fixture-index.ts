// fixtures/images/index.json as typed data: which stand-in images exist, the Dockerfile folder of each, the tag
// each engine gives it, and what it is built from (so the builder can go in dependency order).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../../errors/engine-error.js';

/** One fixture image. */
export interface FixtureImage {
  /** what scenarios write ("tomcat:latest"); the simulator's tag */
  name: string;
  /** folder under fixtures/images holding the Dockerfile and its context */
  folder: string;
  /** the tag on a real engine, under drydock/ so a user's own image of that name is never replaced */
  realTag: string;
  /** the parent: the base image's name or an earlier fixture's name */
  from: string;
  /** when set, the Dockerfile takes its parent as this build argument */
  fromArg?: string;
}

/** The whole index. */
export interface FixtureIndex {
  base: { name: string; realTag: string; rootfs: string };
  /** in build order */
  images: FixtureImage[];
}

/** Reads and checks fixtures/images/index.json; every `from` must name the base or an earlier image. */
export function loadFixtureIndex(fixtures: string): FixtureIndex {
  const path = join(fixtures, 'images', 'index.json');
  let index: FixtureIndex;
  try {
    index = JSON.parse(readFileSync(path, 'utf8')) as FixtureIndex;
  } catch (error) {
    throw new EngineError('FIXTURE_MISSING', `cannot read ${path}: ${(error as Error).message}`);
  }
  const known = new Set([index.base.name]);
  for (const image of index.images) {
    if (!known.has(image.from)) {
      throw new EngineError('FIXTURE_MISSING', `${path}: ${image.name} is built from ${image.from}, which is not listed before it`);
    }
    known.add(image.name);
  }
  return index;
}
