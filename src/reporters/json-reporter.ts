// The json reporter: the whole run as data (every step's command, exit code and output, every check's result)
// in <out>/results.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../runner/result.js';
import type { Reporter } from './reporter.js';

/** Writes results.json when the run ends. */
export class JsonReporter implements Reporter {
  readonly name = 'json';
  /** the file written, once onEnd has run */
  path: string | undefined;

  constructor(private readonly outDir: string) {}

  onEnd(result: RunResult): void {
    mkdirSync(this.outDir, { recursive: true });
    this.path = join(this.outDir, 'results.json');
    writeFileSync(this.path, `${JSON.stringify({ tool: 'drydock', ...result }, null, 2)}\n`);
  }
}
