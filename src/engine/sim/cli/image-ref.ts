// Image names as the docker CLI and daemon read them: familiar references ("tomcat" → "tomcat:latest") for the
// tag store, raw input for ID-prefix lookups, and the reference errors each command words its own way.

import { familiarName, familiarString, parseNormalizedNamed, tagNameOnly } from '../../../docker-cli/index.js';
import type { Daemon } from '../daemon.js';
import type { Image } from '../image/image.js';

/** "tomcat" → "tomcat:latest"; null with the error when the name is not a valid reference. */
export function familiarRef(name: string): { ref: string } | { error: string } {
  const parsed = parseNormalizedNamed(name);
  if (!parsed.ok) return { error: parsed.error };
  return { ref: familiarString(tagNameOnly(parsed.ref)) };
}

/**
 * The reference store's refusals when a tag is added (reference/store.go AddTag): a digest reference, and a
 * name that is the digest algorithm (`sha256:x` would read as an ID). Null when the tag may be added.
 */
export function tagRefusal(name: string): string | null {
  const parsed = parseNormalizedNamed(name);
  if (!parsed.ok) return null;
  if (parsed.ref.digest) return 'refusing to create a tag with a digest reference';
  if (familiarName(parsed.ref) === 'sha256') return 'refusing to create an ambiguous tag using digest algorithm as name';
  return null;
}

/** The image a user-typed name or ID prefix means (tags first, then IDs, as moby's GetImage). */
export function lookupImage(daemon: Daemon, name: string): Image | undefined {
  const r = familiarRef(name);
  return daemon.findImage('ref' in r ? r.ref : null, name);
}
