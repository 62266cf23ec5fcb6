#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (dist/bundle, made by `npm run build`, which the prepare script
// runs on install). Each command's code is a chunk loaded only when that command runs.
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (about 20 ms of compiling the simulator's chunk); Node 20 has no such
// cache and skips this.
module.enableCompileCache?.();
if (process.env.DRYDOCK_DEBUG) process.setSourceMapsEnabled(true);
let main;
try {
  ({ main } = await import('../dist/bundle/drydock.js'));
} catch (e) {
  // a missing or broken build is drydock's fault, not the input's: exit 70 as every other internal error (docs/errors.md)
  process.stderr.write(`drydock: internal error (exit 70): ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exit(70);
}

process.exitCode = await main(process.argv.slice(2));
