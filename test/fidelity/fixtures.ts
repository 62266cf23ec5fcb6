// The reference's fixture images (section 0), made in the simulator with its own commands as the reference
// made them: `localtest/busybox:1` is drydock's busybox image under the reference's name (it already has the
// applet links, so cv-bb's `--install` RUN is harmless), and the cv-* images are built from the Dockerfiles of
// section 0. cv-gnu (host GNU binaries copied in) cannot be reproduced.

import type { Reference } from './reference-transcripts.js';
import { HOSTDIR, type Sandbox } from './sandbox.js';

/** The image whose busybox rootfs stands for the reference's imported `localtest/busybox:1`. */
export const SIM_BUSYBOX = 'drydock/busybox:1.35';

/** Files the section 0 Dockerfiles COPY, written as the reference describes them (sizes match its history). */
export const FIXTURE_FILES: Record<string, { content: string; mode: number }> = {
  // "catalina.sh prints "Fake Catalina: $*" then exec sleep 100000" (53B in docker history)
  'catalina.sh': { content: '#!/bin/sh\necho "Fake Catalina: $*"\nexec sleep 100000\n', mode: 0o755 },
  // "/bin/bash is a shim: #!/bin/sh  exec /bin/sh "$@"" (28B in docker history)
  bash: { content: '#!/bin/sh\nexec /bin/sh "$@"\n', mode: 0o755 },
};

/** A fixture Dockerfile of section 0: the image name and the Dockerfile text. */
export interface FixtureDockerfile {
  name: string;
  dockerfile: string;
}

/** The Dockerfiles of section 0's block, split at the `# cv-name  (…)` lines. */
export function fixtureDockerfiles(ref: Reference): FixtureDockerfile[] {
  const block = ref.sections.find((s) => s.id === '0')?.blocks.find((b) => b.lines.some((l) => l.startsWith('# cv-bb:1')));
  if (!block) throw new Error('section 0 has no fixture Dockerfile block');
  const out: FixtureDockerfile[] = [];
  let current: FixtureDockerfile | null = null;
  for (const line of block.lines) {
    const head = /^# (cv-[a-z0-9-]+(?::[a-z0-9.]+)?)/.exec(line);
    if (head) {
      current = { name: head[1]!, dockerfile: '' };
      out.push(current);
    } else if (current && line.trim() !== '') {
      current.dockerfile += `${line}\n`;
    }
  }
  return out;
}

/** Tags the busybox base and builds cv-bb, cv-tomcat, cv-centos and cv-ubuntu (not cv-gnu). */
export function installReferenceFixtures(box: Sandbox, ref: Reference): void {
  box.must(['tag', SIM_BUSYBOX, 'localtest/busybox:1']);
  for (const fixture of fixtureDockerfiles(ref)) {
    if (fixture.name === 'cv-gnu') continue;
    const dir = `${HOSTDIR}/fixtures/${fixture.name.replace(/[:/]/g, '_')}`;
    box.writeFile(`${dir}/Dockerfile`, fixture.dockerfile);
    for (const [name, file] of Object.entries(FIXTURE_FILES)) {
      if (fixture.dockerfile.includes(`COPY ${name} `)) box.writeFile(`${dir}/${name}`, file.content, file.mode);
    }
    box.must(['build', '-q', '-t', fixture.name, dir]);
  }
}
