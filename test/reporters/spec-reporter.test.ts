// The console reporter against golden files (UPDATE_GOLDEN=1 rewrites them), with and without colours.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { colors, useColor } from '../../src/reporters/colors.js';
import { SpecReporter } from '../../src/reporters/spec-reporter.js';
import { SAMPLE_RUN } from './sample-run.js';

function render(color: boolean): string {
  let out = '';
  const r = new SpecReporter({ write: (t) => (out += t), colors: colors(color) });
  r.onBegin();
  for (const s of SAMPLE_RUN.scenarios) r.onScenarioEnd(s, s);
  r.onEnd(SAMPLE_RUN);
  return out;
}

function golden(name: string, actual: string): void {
  const url = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, actual);
  assert.equal(actual, readFileSync(url, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 to accept)`);
}

describe('spec reporter', () => {
  it('matches the golden output without colours', () => {
    golden('spec.txt', render(false));
  });

  it('matches the golden output with colours', () => {
    golden('spec-color.txt', render(true));
  });

  it('colours: NO_COLOR wins, FORCE_COLOR forces, otherwise a TTY', () => {
    assert.equal(useColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true), false);
    assert.equal(useColor({ FORCE_COLOR: '1' }, false), true);
    assert.equal(useColor({}, true), true);
    assert.equal(useColor({}, undefined), false);
    assert.equal(colors(false).red('x'), 'x');
    assert.equal(colors(true).red('x'), '\u001b[31mx\u001b[39m');
  });
});
