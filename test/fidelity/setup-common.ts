// Objects several sections use, made as the reference made them (same commands, same names), plus the input
// files the reference describes but does not show in full.

import { ID_PATTERN } from '../../src/runner/normalize/docker-ids.js';
import { catOutput, blockText, type SetupContext } from './setup-types.js';
import { HOSTDIR } from './sandbox.js';

/**
 * Binds the ID a transcript printed (the first, or for builds the last, ID of its stdout) to the simulator's ID
 * of the object a setup step re-created, so that the reference's later mentions of it are checked against the
 * right object rather than paired on first sight.
 */
export function bindCreated(ctx: SetupContext, section: string, command: string, actualId: string, which: 'first' | 'last' = 'first'): void {
  const ids = [...ctx.transcript(section, command).stdout.matchAll(ID_PATTERN)].map((m) => m[1]!);
  const id = which === 'first' ? ids[0] : ids[ids.length - 1];
  if (!id) throw new Error(`no ID in the output of "${command}" (${section})`);
  ctx.session.bindId(id, actualId.trim().replace(/^sha256:/, ''));
}

/** cv-tc1 (running tomcat with webapps/docs removed) committed as cv-xpu/tomcat_02:1.2 (2.2). */
export function makeTomcatCommit(ctx: SetupContext): void {
  const box = ctx.session.box;
  const tc1 = box.must(['run', '-d', '--network', 'none', '--name', 'cv-tc1', 'cv-tomcat:latest']).stdout;
  bindCreated(ctx, '2.2', 'docker run -d --network none --name cv-tc1 cv-tomcat:latest', tc1);
  box.must(['exec', 'cv-tc1', 'sh', '-c', 'rm -rf webapps/docs; ls -la webapps']);
  const image = box.must(['commit', '-m=This is my Tomcat', '-a=Tim', 'cv-tc1', 'cv-xpu/tomcat_02:1.2']).stdout;
  bindCreated(ctx, '2.2', 'docker commit -m="This is my Tomcat" -a="Tim" cv-tc1 cv-xpu/tomcat_02:1.2', image);
}

/** cv-tim/centos from the seed 001 Dockerfile that 2.6 shows with `cat Dockerfile`. */
export function makeTimCentos(ctx: SetupContext): void {
  const dir = `${HOSTDIR}/c22`;
  ctx.session.box.writeFile(`${dir}/Dockerfile`, catOutput(ctx, '2.6', 'Dockerfile'));
  ctx.session.box.must(['build', '-t', 'cv-tim/centos', '.'], dir);
  bindCreated(ctx, '2.6', 'docker build -t cv-tim/centos .', ctx.session.box.idOf('image', 'cv-tim/centos'), 'last');
}

/**
 * The build context of cv-admin/file (2.7): the Dockerfile of the block that starts `#Version 1.0.1`, the
 * context file abc.txt (`cat /opt/abc.txt` prints "abc from context"; 17B in history) and webapp/ with one
 * 17-byte file (`ls /opt/wedapp` shows index.html; `ADD dir:…` is 17B; its text is not shown).
 * Context size: 4.608kB = these four tar entries.
 */
export function writeAdminContext(ctx: SetupContext, dir: string, from?: string): void {
  let dockerfile = blockText(ctx, '2.7', '#Version 1.0.1');
  if (from) dockerfile = dockerfile.replace(/^FROM .*$/m, `FROM ${from}`);
  const box = ctx.session.box;
  box.writeFile(`${dir}/Dockerfile`, dockerfile);
  box.writeFile(`${dir}/abc.txt`, 'abc from context\n');
  box.writeFile(`${dir}/webapp/index.html`, 'webapp index 17B\n');
}

/** cv-admin/file built from its context (2.7, 4.3). */
export function makeAdminFile(ctx: SetupContext): void {
  const dir = `${HOSTDIR}/c25`;
  writeAdminContext(ctx, dir);
  ctx.session.box.must(['build', '-t', 'cv-admin/file', '.'], dir);
  bindCreated(ctx, '2.7', 'docker build -t cv-admin/file .', ctx.session.box.idOf('image', 'cv-admin/file'), 'last');
}

/**
 * The first, failed attempt of the cv-admin/file build FROM cv-centos:latest (no /etc/passwd, so `USER root`
 * breaks the next RUN): it leaves the dangling image 6f6654042e80 that later listings show.
 */
export function failedAdminBuild(ctx: SetupContext): void {
  const dir = `${HOSTDIR}/c25-centos`;
  writeAdminContext(ctx, dir, 'cv-centos:latest');
  const r = ctx.session.box.docker(['build', '-t', 'cv-admin/file', '.'], dir);
  if (r.exitCode === 0) throw new Error('setup: the cv-admin/file build FROM cv-centos was expected to fail');
}

/** The two containers 3.x uses throughout: cv-running (sleep 10000) and cv-stopped (created, sleep 10). */
export function makeRunningAndStopped(ctx: SetupContext): void {
  const running = ctx.session.box.must(['run', '-d', '--network', 'none', '--name', 'cv-running', 'cv-centos', 'sleep', '10000']).stdout;
  bindCreated(ctx, '3.1', 'docker run -d --network none --name cv-running cv-centos sleep 10000', running);
  ctx.session.box.must(['create', '--network', 'none', '--name', 'cv-stopped', 'cv-centos', 'sleep', '10']);
}

/** pkg.tar.gz of 2.7/C29: `./`, `./a.txt`, `./b.txt` (6 bytes each, root-owned), gzipped to 166 bytes. */
export const PKG_TAR_GZ_BASE64 =
  'H4sIAAAAAAAAA+3TMQ4CIRCFYWpPwQlgkAXOs0YTi01IEKPHNxIbt1grXDf+XzMEKGbyMsaq7kREUgitisi8trML+5S8eN/uU3JO6dC/NaWulzoWrVXJuS79+/S+UcaOpt77TvYMOA7DQv7xPX8nMUalpWtXL3+e//k0TXm3dhdYi7GH39z/xP5/wy2X6cj+AwAAAAAAAAAAAACwaQ8uzxlfACgAAA==';
