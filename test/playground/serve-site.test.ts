// `drydock playground serve`'s server: the built pages over HTTP on 127.0.0.1 only, nothing outside the folder,
// and the event stream a page reloads on.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory } from '../../src/playground/serve-site.js';

function get(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('playground serve', () => {
  it('serves the folder on 127.0.0.1, refuses paths outside it, and tells pages to reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-serve-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'index.html'), '<p>start</p>');
    writeFileSync(join(dir, 'a', 'index.html'), '<p>a</p>');
    const server = await serveDirectory(dir, 0);
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.deepEqual(await get(server.url), { status: 200, type: 'text/html; charset=utf-8', body: '<p>start</p>' });
      assert.equal((await get(`${server.url}a/`)).body, '<p>a</p>');
      assert.equal((await get(`${server.url}nope.js`)).status, 404);
      assert.notEqual((await get(`${server.url}..%2f..%2fetc%2fpasswd`)).status, 200);
      const reloaded = new Promise<string>((resolve) => {
        request(`${server.url}__drydock/events`, (res) => {
          res.on('data', (c: Buffer) => {
            if (c.toString().includes('data: reload')) {
              resolve('reload');
              res.destroy();
            }
          });
        }).end();
      });
      await new Promise((r) => setTimeout(r, 100));
      server.reload();
      assert.equal(await reloaded, 'reload');
    } finally {
      await server.close();
    }
  });
});
