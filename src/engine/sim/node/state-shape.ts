// Shape checks of the nested parts of a saved state that loading and the first commands read (a container's or
// an image's config, a container's process table and layer notes), so a hand-edited or re-sealed state.json
// with the wrong types there is reported damaged rather than failing later with a TypeError
// (found by `npm run fuzz`'s state-dir target). state-format.ts's bodyProblem calls them.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isStringMap = (v: unknown): boolean => isObject(v) && Object.values(v).every((s) => typeof s === 'string');
const isObjectMap = (v: unknown): boolean => isObject(v) && Object.values(v).every(isObject);

const STRING_FIELDS = ['Hostname', 'Domainname', 'User', 'Image', 'WorkingDir'];
const BOOLEAN_FIELDS = ['AttachStdin', 'AttachStdout', 'AttachStderr', 'Tty', 'OpenStdin', 'StdinOnce'];
const LIST_FIELDS = ['Env', 'Cmd', 'Entrypoint', 'OnBuild'];

/** What is wrong with a saved ContainerConfig (image/config.ts), or undefined. */
export function configProblem(config: unknown): string | undefined {
  if (!isObject(config)) return 'no config';
  for (const key of STRING_FIELDS) if (typeof config[key] !== 'string') return `config.${key} is not a string`;
  for (const key of BOOLEAN_FIELDS) if (typeof config[key] !== 'boolean') return `config.${key} is not true or false`;
  for (const key of LIST_FIELDS) if (config[key] !== null && config[key] !== undefined && !isStrings(config[key])) return `config.${key} is not a list of strings`;
  if (config.Labels !== null && config.Labels !== undefined && !isStringMap(config.Labels)) return 'config.Labels is not a map of strings';
  for (const key of ['Volumes', 'ExposedPorts']) if (config[key] !== null && config[key] !== undefined && !isObjectMap(config[key])) return `config.${key} is not a map`;
  if (config.Shell !== undefined && !isStrings(config.Shell)) return 'config.Shell is not a list of strings';
  if (config.StopSignal !== undefined && typeof config.StopSignal !== 'string') return 'config.StopSignal is not a string';
  if (config.StopTimeout !== undefined && typeof config.StopTimeout !== 'number') return 'config.StopTimeout is not a number';
  if (config.Healthcheck !== undefined && !(isObject(config.Healthcheck) && isStrings(config.Healthcheck.Test))) return 'config.Healthcheck has no test';
  return undefined;
}

/** What is wrong with a container's saved process table (pid-namespace.ts's SavedPidNamespace), or undefined. */
export function procsProblem(procs: unknown): string | undefined {
  if (procs === undefined) return undefined;
  if (!isObject(procs) || typeof procs.next !== 'number' || !Array.isArray(procs.processes)) return 'bad process table';
  for (const p of procs.processes) {
    const ok = isObject(p) && ['pid', 'ppid', 'uid', 'gid', 'session'].every((k) => typeof p[k] === 'number') && isStrings(p.argv) && typeof p.comm === 'string';
    if (!ok) return 'bad process in the process table';
  }
  return undefined;
}

/** What is wrong with a container's saved main-process sleep (container.ts's MainSleep), or undefined. */
export function sleepProblem(sleep: unknown): string | undefined {
  if (sleep === undefined || sleep === null) return undefined;
  if (!isObject(sleep) || typeof sleep.deadline !== 'number' || typeof sleep.sleeps !== 'number') return 'bad sleep';
  if (sleep.interruptible !== undefined && typeof sleep.interruptible !== 'boolean') return 'bad sleep';
  if (sleep.pidFloors !== undefined && !(isObject(sleep.pidFloors) && Object.values(sleep.pidFloors).every((n) => typeof n === 'number'))) return 'bad sleep';
  const signals = sleep.signals;
  const isSignal = (s: unknown): boolean => isObject(s) && typeof s.name === 'string' && ['number', 'sleep', 'sentAt'].every((k) => typeof s[k] === 'number');
  if (signals !== undefined && !(Array.isArray(signals) && signals.every(isSignal))) return 'bad signals in the sleep';
  return undefined;
}

/** What is wrong with a container's saved layer notes (xattrBlockDirs, rwRoot), or undefined. */
export function layerNotesProblem(c: Record<string, unknown>): string | undefined {
  if (c.xattrBlockDirs !== undefined && !isStrings(c.xattrBlockDirs)) return 'bad xattrBlockDirs';
  const root = c.rwRoot;
  if (root !== undefined && !(isObject(root) && ['mode', 'uid', 'gid', 'mtime'].every((k) => root[k] === undefined || typeof root[k] === 'number'))) return 'bad rwRoot';
  return undefined;
}
