import assert from 'node:assert/strict';
import { readTar } from '../../../../src/tar/tar-reader.js';
import { TreeBackend } from '../../../../src/engine/sim/fs/tree-backend.js';
import { createSimEngine } from '../../../../src/engine/sim/node/create-sim-engine.js';

// What `docker create` makes, held to 20.10: the order of the daemon's checks (moby's containerCreate merges the
// config and refuses a missing command before it reserves the name: `docker create --name X busybox`, an
// imported image without CMD, with X taken, says "No command specified"), the init layer over the image, and
// the none network's IDs.

describe('simulator: what docker create makes (checks in the daemon\'s order, init layer, network IDs)', () => {
  it('refuses a missing command before a taken name', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    assert.equal(e.dockerSync(['create', '--name', 'taken', 'drydock/busybox:1.35', 'true']).exitCode, 0);
    const r = e.dockerSync(['create', '--name', 'taken', 'drydock/busybox:1.35']);
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [1, '', 'Error response from daemon: No command specified\n']);
    const named = e.dockerSync(['create', '--name', 'taken', 'drydock/busybox:1.35', 'true']);
    assert.match(named.stderr, /^Error response from daemon: Conflict\. The container name "\/taken" is already in use/);
  });

  it('keeps the image\'s /proc and /sys (dr-xr-xr-x) and adds only what the image lacks, as initlayer.Setup does', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    e.dockerSync(['create', '--name', 'ex', 'drydock/busybox:1.35', 'true']);
    // the export stream is binary: the CLI hands it on as latin1 text
    const entries = readTar(Uint8Array.from(e.dockerSync(['export', 'ex']).stdout, (ch) => ch.charCodeAt(0)));
    const mode = (path: string) => entries.find((x) => x.path.replace(/^\.?\//, '').replace(/\/$/, '') === path)?.mode.toString(8);
    // measured on 20.10: proc/ and sys/ dr-xr-xr-x from the image; .dockerenv and etc/hostname -rwxr-xr-x
    assert.deepEqual(['proc', 'sys', '.dockerenv', 'etc/hostname', 'dev/console'].map(mode), ['555', '555', '755', '755', '755']);
  });

  it('fills the none network\'s IDs as 20.10 does: nothing before the first start, the endpoint only while running', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    const ids = (name: string) => e.dockerSync(['inspect', '-f', '{{.NetworkSettings.Networks.none.NetworkID}}|{{.NetworkSettings.Networks.none.EndpointID}}', name]).stdout.trim().split('|').map((v) => (v === '' ? '' : 'id'));
    e.dockerSync(['create', '--network', 'none', '--name', 'nw1', 'drydock/busybox:1.35', 'true']);
    assert.deepEqual(ids('nw1'), ['', '']);
    e.dockerSync(['start', 'nw1']);
    assert.deepEqual(ids('nw1'), ['id', '']);
    e.dockerSync(['run', '-d', '--network', 'none', '--name', 'nw2', 'drydock/busybox:1.35', 'sleep', '300']);
    assert.deepEqual(ids('nw2'), ['id', 'id']);
  });
});

describe('simulator: the root directory of a running container as ls -la shows it', () => {
  it('dates what the daemon made at create or start, and sizes procfs and sysfs as 0 (20.10)', () => {
    const e = createSimEngine({ host: new TreeBackend(), cwd: '/' });
    const r = e.dockerSync(['run', '--rm', 'drydock/busybox:1.35', 'sh', '-c', 'date "+%b %e %H:%M"; ls -la /']);
    const [now, total, ...rows] = r.stdout.trimEnd().split('\n');
    // measured on 20.10 with the same image: total 36; `.`, `..`, .dockerenv, dev, etc, proc and sys carry the
    // time the container was made or started, the image's directories the image's time
    assert.equal(total, 'total 36');
    const dated = Object.fromEntries(rows.map((row) => [row.slice(row.lastIndexOf(' ') + 1), row]));
    for (const name of ['.', '..', '.dockerenv', 'dev', 'etc', 'proc', 'sys']) assert.ok(dated[name]?.includes(` ${now} `), `${name}: ${dated[name]}`);
    for (const name of ['bin', 'tmp', 'usr']) assert.ok(!dated[name]?.includes(` ${now} `), `${name}: ${dated[name]}`);
    assert.match(dated['proc'] ?? '', /^dr-xr-xr-x +\d+ 0 +0 +0 /);
    assert.match(dated['sys'] ?? '', /^dr-xr-xr-x +12 0 +0 +0 /);
    assert.match(dated['dev'] ?? '', /^drwxr-xr-x +5 0 +0 +320 /);
  });
});
