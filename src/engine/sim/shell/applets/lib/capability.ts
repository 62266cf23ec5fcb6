// Whether a process holds a capability: root has the container's set (Docker's default when none is given);
// any other user has none effective, as execve leaves a non-root process without ambient capabilities.

import { DEFAULT_CAPABILITIES } from '../../../container/capabilities.js';
import type { ProcessContext } from '../../process.js';

const DEFAULT = new Set(DEFAULT_CAPABILITIES);

/** `cap` is CAP_NAME (moby's spelling). */
export function hasCapability(ctx: Pick<ProcessContext, 'uid' | 'capabilities'>, cap: string): boolean {
  return ctx.uid === 0 && (ctx.capabilities ?? DEFAULT).has(cap);
}
