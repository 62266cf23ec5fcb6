// Makes docs/playground.png, the README's picture of an exercise page: builds the site into a temporary folder,
// opens one exercise in Debian's chromium, types a partly right solution so that checks of every status show.
// Run: npx tsx scripts/playground-screenshot.ts

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSite } from '../src/playground/build-site.js';

const slug = 'volumes-from-dc01';
const site = mkdtempSync(join(tmpdir(), 'drydock-shot-'));
await buildSite({ files: [resolve('scenarios/exercises', slug, 'exercise.yaml')], outDir: site, cwd: process.cwd() });
const browser = await chromium.launch({ executablePath: process.env.DRYDOCK_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1180, height: 720 } });
await page.goto(pathToFileURL(join(site, slug, 'index.html')).href);
await page.waitForSelector('[data-testid=terminal][data-ready=true]');
await page.locator('[data-testid=terminal] textarea').focus();
for (const line of ['docker run -dit --name dc01 tim/centos', 'docker run -dit --name dc02 --volumes-from dc01 tim/centos', 'docker run -dit --name dc03 tim/centos', 'docker exec dc02 touch /dataVolume1/dc02_add.txt', 'docker network ls', 'docker ps --format "{{.Names}}: {{.Status}}"']) {
  const n = await page.evaluate(() => window.drydockTimings.length);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => window.drydockTimings.length > k, n);
}
await page.keyboard.type('docker rm -f d');
await page.keyboard.press('Tab');
await page.waitForTimeout(400);
await page.screenshot({ path: 'docs/playground.png' });
await browser.close();
console.log('wrote docs/playground.png');
