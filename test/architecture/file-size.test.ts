// No file of src/ over 400 lines (docs/style.md): a longer one holds more than one job. No exceptions: a file
// that grows past the limit is split by job.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SRC, sourceFiles } from '../../scripts/architecture/import-graph.js';

const LIMIT = 400;

describe('file sizes in src/', () => {
  it(`keeps every file at ${LIMIT} lines or fewer`, () => {
    const long = sourceFiles(SRC)
      .map((file) => ({ file: relative(SRC, file).split('\\').join('/'), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > LIMIT)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    assert.deepEqual(long, []);
  });
});
