// The scratch directory on the host: `<HOSTDIR>` in the reference, a sandbox path in the simulator.

/** Replaces each host root (longest first) by `<HOSTDIR>` where it starts a path. */
export function replaceHostPaths(text: string, roots: readonly string[]): string {
  let out = text;
  for (const root of [...roots].sort((a, b) => b.length - a.length)) {
    const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\w.-])${escaped}(?=[/:"'\\s,\\]]|$)`, 'gm'), '<HOSTDIR>');
  }
  return out;
}
