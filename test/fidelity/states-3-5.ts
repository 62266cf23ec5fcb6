// Replay states for sections 3 (error messages), 4 (inspect shapes) and 5 (listings): the containers, images
// and volumes each one needs, made with the reference's own commands and in its chronological order.

import { bindCreated, failedAdminBuild, makeAdminFile, makeRunningAndStopped, makeTimCentos, makeTomcatCommit } from './setup-common.js';
import type { SetupContext, StateSetup } from './setup-types.js';
import { HOSTDIR } from './sandbox.js';

const createStopped = ({ session }: SetupContext): void =>
  void session.box.must(['create', '--network', 'none', '--name', 'cv-stopped', 'cv-centos', 'sleep', '10']);

/** 3.6: every build directory under <HOSTDIR>/berr holds the Dockerfile shown with `cat` and present.txt. */
function berrPrelude(ctx: SetupContext): void {
  const { session } = ctx;
  session.cwd = `${HOSTDIR}/berr`;
  const section = ctx.ref.sections.find((s) => s.id === '3.6')!;
  for (const t of section.transcripts) {
    const dir = /^cat (\w+)\/Dockerfile$/.exec(t.command)?.[1];
    // context sizes (3.072kB: Dockerfile + one small file; 2.56kB for the empty Dockerfile) show present.txt
    if (dir) session.box.writeFile(`${session.cwd}/${dir}/present.txt`, 'present\n');
  }
}

/** The cv-shape container of 4.1 and its --volumes-from source, with the reference's command lines. */
function makeShapes(ctx: SetupContext): void {
  const box = ctx.session.box;
  const src = box.must(['run', '-dit', '--network', 'none', '--name', 'cv-shape-src', 'cv-tim/centos']).stdout;
  bindCreated(ctx, '4.1', 'docker run -dit --network none --name cv-shape-src cv-tim/centos', src);
  const shape = box.must([
    'run', '-dit', '--network', 'none', '--name', 'cv-shape',
    '-v', `${HOSTDIR}/host/bindrw:/bindrw`, '-v', `${HOSTDIR}/host/bindro:/bindro:ro`, '-v', '/anon', '-v', 'cv-named1:/named',
    '--volumes-from', 'cv-shape-src', '-e', 'MYVAR=1', '-w', '/tmp', '-l', 'cv.label=yes', 'cv-tim/centos',
  ]).stdout;
  bindCreated(ctx, '4.1', ctx.ref.sections.find((s) => s.id === '4.1')!.transcripts[1]!.command, shape);
}

/** Sections 4.1–4.4 share one state: 4.4 inspects the anonymous volume of 4.1's cv-shape. */
const s4: StateSetup = {
  sections: ['4.1', '4.2', '4.3', '4.4'],
  prelude: (ctx) => {
    makeTomcatCommit(ctx);
    makeTimCentos(ctx);
    ctx.session.box.must(['volume', 'create', 'cv-named1']);
    makeAdminFile(ctx);
  },
  derived: [
    { section: '4.1', startsWith: '[', command: 'docker inspect cv-shape' },
    { section: '4.2', startsWith: '[', command: 'docker image inspect cv-xpu/tomcat_02:1.2' },
    { section: '4.3', startsWith: '[', command: 'docker image inspect cv-admin/file' },
    // the second volume is cv-shape's anonymous /anon volume (its name appears in 4.1's Mounts)
    { section: '4.4', startsWith: '[', command: 'docker volume inspect cv-named1 04fdea360ce393eff4c308f87712f7f853657d12b6eb5b33e9d48171eb582358' },
  ],
};

/**
 * 5.1: the listings were taken at the end of the reference run. The objects they show are made in the order
 * their CREATED columns give (oldest first), with the commands that made them.
 */
const s5: StateSetup = {
  sections: ['5.1', '5.2'],
  prelude: (ctx) => {
    const box = ctx.session.box;
    const made = (section: string, command: string, argv: string[]): void => bindCreated(ctx, section, command, box.must(argv).stdout);
    made('2.1', 'docker run -d --network none --name cv-cow cv-tomcat:latest', ['run', '-d', '--network', 'none', '--name', 'cv-cow', 'cv-tomcat:latest']);
    box.must(['exec', 'cv-cow', 'sh', '-c', 'echo edited >> webapps/docs/index.html; rm NOTICE; echo hi > /tmp/new.txt; pwd; hostname']);
    makeTomcatCommit(ctx);
    made('2.5', 'docker run -d --network none --name cv-v1 -v <HOSTDIR>/host/myDataVolume:/dataVolumeContainer cv-centos:latest sleep 3000', [
      'run', '-d', '--network', 'none', '--name', 'cv-v1', '-v', `${HOSTDIR}/host/myDataVolume:/dataVolumeContainer`, 'cv-centos:latest', 'sleep', '3000',
    ]);
    box.writeFile(`${HOSTDIR}/host/roDir/a.txt`, 'original\n');
    made('2.5', 'docker run -d --network none --name cv-ro -v <HOSTDIR>/host/roDir:/dataVolumeContainer:ro cv-centos:latest sleep 3000', [
      'run', '-d', '--network', 'none', '--name', 'cv-ro', '-v', `${HOSTDIR}/host/roDir:/dataVolumeContainer:ro`, 'cv-centos:latest', 'sleep', '3000',
    ]);
    makeTimCentos(ctx);
    box.must(['run', '--network', 'none', '--name', 'cv-cmdtest', 'cv-tim/centos']);
    box.must(['volume', 'create', 'cv-named1']);
    box.must(['run', '--rm', '--network', 'none', '--name', 'cv-nv3', '-v', 'cv-named2:/data', 'cv-centos', 'ls', '/data']);
    failedAdminBuild(ctx);
    // cv-detach: made with `run -it` behind `script` in the reference (2.4)
    box.must(['run', '-dit', '--network', 'none', '--name', 'cv-detach', 'cv-centos']);
    makeRunningAndStopped(ctx);
    box.must(['run', '--network', 'none', '--name', 'cv-exited', 'cv-centos', 'true']);
    makeShapes(ctx);
  },
  skips: [{ command: "docker images --filter reference='cv-*' --filter reference='cv-*/*'", reason: 'global-state' }],
};

/** The states of sections 3, 4 and 5. */
export const SECTION_3_5_STATES: StateSetup[] = [
  { sections: ['3.1'] },
  { sections: ['3.2'] },
  { sections: ['3.3'], prelude: makeRunningAndStopped },
  { sections: ['3.4'] },
  { sections: ['3.5'], prelude: (ctx) => (createStopped(ctx), void ctx.session.box.must(['volume', 'create', 'cv-named1'])) },
  { sections: ['3.6'], prelude: berrPrelude },
  { sections: ['3.7'] },
  { sections: ['3.8'], prelude: createStopped },
  { sections: ['3.9'], prelude: createStopped },
  { sections: ['3.10'], prelude: makeRunningAndStopped },
  s4,
  s5,
];
