import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonReporter } from '../../src/reporters/json-reporter.js';
import { JunitReporter, xmlEscape } from '../../src/reporters/junit-reporter.js';
import { ReporterMultiplexer, type Reporter } from '../../src/reporters/reporter.js';
import { SAMPLE_RUN } from './sample-run.js';

describe('json reporter', () => {
  it('writes the whole run as results.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-json-'));
    const r = new JsonReporter(join(dir, 'nested'));
    r.onEnd(SAMPLE_RUN);
    const data = JSON.parse(readFileSync(join(dir, 'nested', 'results.json'), 'utf8'));
    assert.equal(data.tool, 'drydock');
    assert.equal(data.scenarios.length, 4);
    assert.deepEqual(data.scenarios[0].steps[0].command, ['run', '-dit', '--name', 'dc01', 'tim/centos']);
    assert.equal(data.scenarios[0].steps[0].stdout, 'abc123\n');
    assert.equal(data.scenarios[1].steps[0].failures[0].expected, 'a.txt\nc.txt\n');
    assert.equal(data.summary.failed, 1);
  });
});

describe('junit reporter', () => {
  it('writes one testcase per scenario with failures, errors, skips and the command log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-junit-'));
    new JunitReporter(dir).onEnd(SAMPLE_RUN);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="drydock" tests="4" failures="1" errors="1" skipped="1" time="1.234">/);
    assert.equal(xml.match(/<testcase /g)?.length, 4);
    assert.match(xml, /<testcase classname="scenarios\/b.yaml" name="ls shows the new file" file="scenarios\/b.yaml" time="0.030">\n\s+<failure message="stdout is not equal to the expected value" type="failed">scenarios\/b.yaml:4:5 docker exec dc03 ls \/data/);
    assert.match(xml, /name="networks &lt;need&gt; &quot;the real engine&quot;"/);
    assert.match(xml, /<error message="the sim engine cannot run/);
    assert.match(xml, /<skipped message="waiting for the simulator"\/>/);
    assert.match(xml, /<system-out>\[passed\] docker run -dit --name dc01 tim\/centos \(exit 0\)\nabc123/);
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    assert.equal(xmlEscape('a<b>&"c"\u0000\u001b[31m'), 'a&lt;b&gt;&amp;&quot;c&quot;[31m');
  });
});

describe('reporter multiplexer', () => {
  it('one broken reporter does not stop the others, and is named once per hook', async () => {
    const warnings: string[] = [];
    const seen: string[] = [];
    const broken: Reporter = {
      name: 'broken',
      onScenarioEnd: () => {
        throw new Error('kaput');
      },
      onEnd: async () => {
        throw new Error('no disk');
      },
    };
    const good: Reporter = { name: 'good', onScenarioEnd: (s) => seen.push(s.name), onEnd: () => void seen.push('end') };
    const m = new ReporterMultiplexer([broken, good], (w) => warnings.push(w));
    for (const s of SAMPLE_RUN.scenarios) m.onScenarioEnd(s, s);
    await m.onEnd(SAMPLE_RUN);
    assert.deepEqual(seen, [...SAMPLE_RUN.scenarios.map((s) => s.name), 'end']);
    assert.deepEqual(warnings, ['drydock: the broken reporter failed in onScenarioEnd: kaput', 'drydock: the broken reporter failed in onEnd: no disk']);
  });
});
