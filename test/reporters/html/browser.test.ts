// The HTML reports in a real headless browser (Debian's chromium through playwright-core): they load without
// a console error or a request leaving the file, submission markup never runs, the failure filter works, a
// student's page holds nothing of the checks withheld from them, and a phone-width page does not scroll
// sideways. Saves reports/grading-failing-report.png (and the class summary's and a student's page) to be looked
// at by eye. Skipped when chromium is not installed.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { builtinAssertions } from '../../../src/assertions/registry.js';
import { loadExercise } from '../../../src/grading/exercise.js';
import { gradeBatch } from '../../../src/gradebook/grade-batch.js';
import { simGradingEngine } from '../../../src/grading/grading-engines.js';
import { HtmlReporter } from '../../../src/reporters/html/html-reporter.js';
import { demoCopy } from '../../grading/helpers.js';
import { SAMPLE_RUN } from '../sample-run.js';
import { chromiumPath, launchBrowser } from './browser.js';
import { watchPage } from '../../support/page-problems.js';

const SHOTS = new URL('../../../reports/', import.meta.url);

/** Opens a file, recording console errors, page errors, dialogs and any request that leaves the disk. */
async function open(browser: Browser, file: string, viewport = { width: 1000, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems = watchPage(page, (u) => u.startsWith('file:'));
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

describe('html reports in chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let out = '';

  before(async function () {
    const path = chromiumPath();
    if (!path) {
      console.log('    (chromium is not installed: apt-get install -y chromium)');
      this.skip();
      return;
    }
    browser = await launchBrowser(path);
    const dir = demoCopy();
    const loaded = await loadExercise(join(dir, 'exercise.yaml'), 'exercise.yaml');
    assert.ok(loaded.ok);
    out = join(dir, 'out');
    await gradeBatch({ exercise: loaded.exercise, submissions: ['submissions/alice', 'submissions/bob', 'submissions/carol.sh'], cwd: dir, outDir: out, jobs: 1, engineName: 'sim', registry: builtinAssertions(), createEngine: simGradingEngine });
  });

  after(async () => {
    await browser?.close();
  });

  it('a failing student report: no console errors, markup shown as text, the failure filter hides what passed', async () => {
    const { page, problems } = await open(browser as Browser, join(out, 'students', 'carol', 'report.html'));
    await page.waitForLoadState('load');
    const shown = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => (e as unknown as { offsetParent: unknown }).offsetParent !== null).length);
    assert.equal(await page.locator('pre.out', { hasText: "<script>alert('pwned')</script><b>bold?</b>" }).count(), 1);
    assert.equal(await page.locator('main b', { hasText: 'bold?' }).count(), 0);
    const stepsBefore = await shown('.term .step');
    // three checks and the placeholders of the hidden one and the after_due_date one
    assert.equal(await shown('.check'), 5);
    assert.equal(await shown('.check.withheld'), 2);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: new URL('grading-failing-report.png', SHOTS).pathname, fullPage: true });
    await page.check('#failures-only');
    assert.equal(await shown('.check'), 3, 'carol failed every check shown; a placeholder is not a failure');
    const stepsAfter = await shown('.term .step');
    assert.ok(stepsAfter < stepsBefore && stepsAfter === 4, `${stepsAfter} failing steps shown of ${stepsBefore}`);
    assert.match(page.url(), /#failures$/);
    await page.uncheck('#failures-only');
    assert.equal(await shown('.term .step'), stepsBefore);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("the class summary links to the teacher's page, which with the filter on shows only the failed checks, hidden ones included", async () => {
    const summary = await open(browser as Browser, join(out, 'index.html'));
    assert.equal(await summary.page.locator('svg.chart rect.b').count(), 10);
    await summary.page.screenshot({ path: new URL('grading-class-summary.png', SHOTS).pathname, fullPage: true });
    await summary.page.click('text=bob');
    assert.match(summary.page.url(), /students\/bob\/teacher\.html$/);
    await summary.page.check('#failures-only');
    const titles = await summary.page.locator('.check:visible .title').allTextContents();
    assert.deepEqual(titles, ['hello.txt is in the volume shared-data', 'the image is labelled with its maintainer', 'motd.txt was copied into the image']);
    assert.deepEqual(summary.problems, []);
    await summary.page.close();
  });

  it("the student's page shows placeholders for the hidden and after_due_date checks, and nothing of them anywhere in the page", async () => {
    const { page, problems } = await open(browser as Browser, join(out, 'students', 'bob', 'report.html'));
    const source = await page.content();
    const text = await page.locator('body').innerText();
    for (const secret of ['the image is labelled with its maintainer', 'Config.Labels.maintainer', 'motd.txt was copied into the image', 'COPY motd.txt into the image']) {
      assert.ok(!source.includes(secret) && !text.includes(secret), `${secret} is in the student's page`);
    }
    assert.deepEqual(await page.locator('.check.withheld .title').allTextContents(), ['Hidden check', 'Check shown after the due date']);
    assert.match(text, /3 \/ 5\s+points on the checks shown \(60%\)/);
    assert.equal(await page.locator('a').count(), 0, "a student's page links to nothing of the teacher's");
    await page.screenshot({ path: new URL('grading-student-report.png', SHOTS).pathname, fullPage: true });
    await page.check('#failures-only');
    assert.deepEqual(await page.locator('.check:visible .title').allTextContents(), ['hello.txt is in the volume shared-data']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('fits a phone screen, and the run report filters scenarios', async () => {
    const phone = await open(browser as Browser, join(out, 'students', 'bob', 'report.html'), { width: 375, height: 800 });
    const overflow = Number(await phone.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await phone.page.close();
    const reporter = new HtmlReporter(join(out, 'run'));
    reporter.onEnd(SAMPLE_RUN);
    const run = await open(browser as Browser, join(out, 'run', 'index.html'));
    assert.equal(await run.page.locator('.section:visible').count(), 4);
    await run.page.check('#failures-only');
    assert.equal(await run.page.locator('.section:visible').count(), 2);
    assert.deepEqual(run.problems, []);
    await run.page.close();
  });
});
