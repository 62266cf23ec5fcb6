// The html reporter of `drydock run`: <out>/index.html, one self-contained page with every scenario's
// transcript and checks, written when the run ends (atomically: a reader never sees half a page).

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../runner/result.js';
import type { Reporter } from '../reporter.js';
import { renderRunPage } from './render.js';

/** Writes index.html when the run ends. */
export class HtmlReporter implements Reporter {
  readonly name = 'html';
  /** the file written, once onEnd has run */
  path: string | undefined;

  constructor(private readonly outDir: string) {}

  onEnd(result: RunResult): void {
    mkdirSync(this.outDir, { recursive: true });
    const path = join(this.outDir, 'index.html');
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, renderRunPage(result));
    renameSync(temp, path);
    this.path = path;
  }
}
