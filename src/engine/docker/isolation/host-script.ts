// A scenario's host steps were written for the simulator's sandbox host, where `/myDataVolume` is a folder of
// the scenario's own. On a real machine the same script runs in the run folder, with every absolute path that
// is not one of the machine's programs or devices moved into that folder.

// the machine's own programs, libraries and devices: a script runs `/bin/sh` and writes to `/dev/null`
const SYSTEM_ROOTS = ['/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/libx32', '/dev', '/proc', '/sys'];

// an absolute path where a shell word (or an assignment's value, or a redirection target) starts
const ABSOLUTE = /(^|[\s=:'"<>|;&()`])(\/[^\s'"<>|;&()`]*)/gu;

/** True for paths that stay the machine's own. */
function isSystemPath(path: string): boolean {
  return SYSTEM_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));
}

/**
 * The script with its scenario paths moved under `runDir`. With `keepDockerLines`, lines that run `docker` are
 * left alone (their paths are the container's, or mapped by the docker shim itself).
 */
export function rewriteHostScript(script: string, runDir: string, keepDockerLines = false): string {
  const rewrite = (text: string) =>
    text.replace(ABSOLUTE, (match, before: string, path: string) => {
      if (isSystemPath(path) || path === runDir || path.startsWith(`${runDir}/`)) return match;
      return `${before}${runDir}${path === '/' ? '' : path}`;
    });
  if (!keepDockerLines) return rewrite(script);
  return script
    .split('\n')
    .map((line) => (/^\s*docker\s/u.test(line) ? line : rewrite(line)))
    .join('\n');
}
