// --watch: after a run, watch the named files and folders and run again (debounced) when a scenario changes,
// until Ctrl-C (or the io's abort signal in tests).

import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import type { CliIo } from './io.js';

/** Reruns `run` on changes under `paths`; resolves with the last exit code when stopped. */
export async function watchAndRerun(paths: readonly string[], io: CliIo, run: () => Promise<number>, firstCode: number, debounceMs = 150): Promise<number> {
  let code = firstCode;
  const roots = paths.map((p) => resolve(io.cwd, picomatch.scan(p).isGlob ? picomatch.scan(p).base || '.' : p));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        code = await run();
        io.stdout('\nwatching for changes (Ctrl-C to stop)\n');
      });
    }, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const root of roots) {
    try {
      watchers.push(watch(root, { recursive: true }, (_event, name) => {
        if (name === null || /\.ya?ml$/i.test(String(name)) || !String(name).includes('.')) schedule();
      }));
    } catch (e) {
      io.stderr(`drydock: cannot watch ${root}: ${(e as Error).message}\n`);
    }
  }
  io.stdout('\nwatching for changes (Ctrl-C to stop)\n');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      io.signal?.removeEventListener('abort', stop);
      done();
    };
    process.on('SIGINT', stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop);
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
  return code;
}
