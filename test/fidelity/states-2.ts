// Replay states for section 2 (evidence per claim): what each subsection needs from earlier subsections or
// from commands the reference ran off-screen, and where its commands ran.

import { makeTomcatCommit, PKG_TAR_GZ_BASE64, writeAdminContext } from './setup-common.js';
import { catOutput, noteFile, type SetupContext, type StateSetup } from './setup-types.js';
import { HOSTDIR } from './sandbox.js';

/** 2.1: layers, copy-on-write, whiteouts, layer limits. */
const s21: StateSetup = {
  sections: ['2.1'],
  hooks: [
    {
      // the Dockerfiles are not shown; reconstructed from the history (FROM cv-bb:1, a 5.24MB dd, then rm)
      before: 'docker build -q -t cv-bigdel:2layers .',
      run: ({ session }) => {
        session.cwd = `${HOSTDIR}/c03`;
        session.box.writeFile(`${session.cwd}/Dockerfile`, 'FROM cv-bb:1\nRUN dd if=/dev/zero of=/big.bin bs=1M count=5\nRUN rm /big.bin\n');
        session.box.writeFile(`${session.cwd}/Dockerfile.one`, 'FROM cv-bb:1\nRUN dd if=/dev/zero of=/big.bin bs=1M count=5 && rm /big.bin\n');
      },
    },
    {
      // the image saved here is made in 2.2
      before: 'docker save -o <HOSTDIR>/save1/img.tar cv-xpu/tomcat_02:1.2',
      run: (ctx) => {
        makeTomcatCommit(ctx);
        ctx.session.box.mkdirp(`${HOSTDIR}/save1`);
      },
    },
    {
      before: '{ echo "FROM localtest/busybox:1"; for i in $(seq 1 130); do echo "LABEL l$i=v$i"; done; } > Dockerfile',
      run: ({ session }) => {
        session.cwd = `${HOSTDIR}/c06`;
        session.box.mkdirp(session.cwd);
      },
    },
    {
      // cv-berr-workdirrel is built in 3.6, from the Dockerfile shown there
      before: 'docker history cv-berr-workdirrel | head -3',
      run: (ctx) => {
        const dir = `${HOSTDIR}/berr/workdirrel`;
        ctx.session.box.writeFile(`${dir}/Dockerfile`, catOutput(ctx, '3.6', 'workdirrel/Dockerfile'));
        ctx.session.box.writeFile(`${dir}/present.txt`, 'present\n');
        ctx.session.box.must(['build', '-t', 'cv-berr-workdirrel', 'workdirrel'], `${HOSTDIR}/berr`);
      },
    },
    {
      before: '{ echo "FROM localtest/busybox:1"; for i in $(seq 1 130); do echo "RUN touch /f$i"; done; } > Dockerfile',
      run: ({ session }) => {
        session.cwd = `${HOSTDIR}/c07`;
        session.box.mkdirp(session.cwd);
      },
    },
  ],
};

/** 2.2: docker commit. */
const s22: StateSetup = {
  sections: ['2.2'],
  hooks: [
    {
      // the commits of seed 002 used the cv-stopped container of 3.3 (created, `sleep 10`)
      before: "docker commit -m='Message' --author='host' cv-stopped cv-host/splite3:vv",
      run: ({ session }) => void session.box.must(['create', '--network', 'none', '--name', 'cv-stopped', 'cv-centos', 'sleep', '10']),
    },
  ],
};

/**
 * 2.3: tags and rmi. The Dockerfiles are not shown; the rmi outputs fix their shape: cv-rmi is one step on a
 * tagged image (one `Deleted:`), Dockerfile.run two steps (two), parent and child two steps each (four).
 */
const s23: StateSetup = {
  sections: ['2.3'],
  prelude: ({ session }) => {
    session.cwd = `${HOSTDIR}/c12`;
    const files: Record<string, string> = {
      Dockerfile: 'FROM cv-bb:1\nLABEL cv.test=rmi\n',
      'Dockerfile.run': 'FROM cv-bb:1\nLABEL cv.test=rmirun\nCMD ["sleep","1000"]\n',
      'Dockerfile.parent': 'FROM cv-bb:1\nLABEL cv.test=rmiparent\nCMD ["true"]\n',
      'Dockerfile.child': 'FROM cv-rmiparent\nLABEL cv.test=rmichild\nCMD ["true"]\n',
    };
    for (const [name, text] of Object.entries(files)) session.box.writeFile(`${session.cwd}/${name}`, text);
  },
};

/** 2.4: container lifecycle. */
const s24: StateSetup = {
  sections: ['2.4'],
  hooks: [
    {
      // cv-detach was made with `docker run -it` behind `script` and detached with Ctrl+P Ctrl+Q; the same state
      // (running /bin/bash with a TTY, /tmp/x written) is made without a terminal
      before: 'docker ps --filter name=cv-detach',
      run: ({ session }) => {
        session.box.must(['run', '-dit', '--network', 'none', '--name', 'cv-detach', 'cv-centos']);
        session.box.must(['exec', 'cv-detach', 'sh', '-c', 'echo inside > /tmp/x; hostname']);
      },
    },
  ],
};

/** 2.5: bind mounts. */
const s25: StateSetup = {
  sections: ['2.5'],
  prelude: ({ session }) => session.box.mkdirp(`${HOSTDIR}/host`),
  hooks: [
    {
      // `docker exec cv-ro cat /dataVolumeContainer/a.txt` prints "original": the file existed beforehand
      before: 'docker run -d --network none --name cv-ro -v <HOSTDIR>/host/roDir:/dataVolumeContainer:ro cv-centos:latest sleep 3000',
      run: ({ session }) => session.box.writeFile(`${HOSTDIR}/host/roDir/a.txt`, 'original\n'),
    },
  ],
};

/** 2.6: VOLUME, --volumes-from, volume lifetime. */
const s26: StateSetup = {
  sections: ['2.6'],
  prelude: ({ session }) => {
    session.cwd = `${HOSTDIR}/c22`;
    session.box.mkdirp(session.cwd);
  },
  hooks: [
    {
      // the command that made cv-rv1 is cut from the reference (only its ID and its two volumes are shown)
      before: 'docker create --network none --name cv-rv2 --volumes-from cv-rv1 cv-tim/centos',
      run: ({ session }) => {
        const id = session.box.must(['create', '--network', 'none', '--name', 'cv-rv1', 'cv-tim/centos']).stdout.trim();
        session.bindId('49494b8b46a6…', id);
        const mounts = JSON.parse(session.box.docker(['inspect', '-f', '{{json .Mounts}}', 'cv-rv1']).stdout) as Array<{ Name: string; Destination: string }>;
        const names = mounts.sort((a, b) => a.Destination.localeCompare(b.Destination)).map((m) => m.Name);
        ['20f087b773c3…', '0076b296199c…'].forEach((ref, i) => session.bindId(ref, names[i] ?? `missing-volume-${i}`));
      },
    },
  ],
};

/**
 * The seed 002 Dockerfile in the states v1–v3 of 2.7 (only v4 is shown). Rebuilt from what the transcripts
 * fix: v3 is v4 plus two `RUN apt-get` lines (the first is step 4) and an ADD of a URL (17 steps, 513–1024
 * bytes: context 4.096kB); v2 adds `ENTYPOINT` on line 21 and three prose lines after it (1025–1536 bytes:
 * context 4.608kB); v1 adds `add 向新镜像里面添加文件` on line 17.
 */
function seedDockerfile(v4: string, version: 1 | 2 | 3): string {
  const lines = v4.replace(/\n$/, '').split('\n');
  const at = (text: string): number => {
    const i = lines.findIndex((l) => l.startsWith(text));
    if (i < 0) throw new Error(`seed Dockerfile: no line ${text}`);
    return i;
  };
  lines.splice(at('RUN touch'), 0, 'RUN apt-get update', 'RUN apt-get install -y nginx');
  lines.splice(at('ENV WEBAPP_PORT') , 0, 'ADD http://nginx.org/download/nginx-1.20.2.tar.gz /opt/');
  if (version <= 2) {
    lines.splice(at('CMD ['), 0, 'ENTYPOINT ["ls"]');
    lines.push('镜像构建完成以后使用docker run命令启动容器,查看容器里面的文件和目录是否符合预期的结果', '如果不符合预期就修改Dockerfile重新构建镜像', '构建的时候会使用缓存,加快构建的速度');
  }
  if (version === 1) lines.splice(16, 0, 'add 向新镜像里面添加文件');
  return `${lines.join('\n')}\n`;
}

/** The v4 seed Dockerfile, as 2.7 shows it with `cat Dockerfile`. */
function seedV4(ctx: SetupContext): string {
  return ctx.transcript('2.7', 'cat Dockerfile', 1).stdout;
}

/** 2.7: Dockerfile instructions; several build contexts. */
const s27: StateSetup = {
  sections: ['2.7'],
  prelude: (ctx) => {
    const { session } = ctx;
    session.cwd = `${HOSTDIR}/c23`;
    const cmd = ctx.transcript('2.7', 'docker build -q -f Dockerfile.cmd -t cv-cmd .');
    const ep = ctx.transcript('2.7', 'docker build -q -f Dockerfile.ep2 -t cv-ep2 .');
    session.box.writeFile(`${session.cwd}/Dockerfile.cmd`, noteFile(cmd, 'Dockerfile.cmd'));
    session.box.writeFile(`${session.cwd}/Dockerfile.ep2`, noteFile(ep, 'Dockerfile.ep2'));
    session.box.writeFile(`${session.cwd}/Dockerfile.epshell`, noteFile(ep, 'Dockerfile.epshell'));
  },
  hooks: [
    {
      before: 'docker build -t cv-admin/file .',
      run: async (ctx) => {
        // chronologically the failed FROM cv-centos attempt came first (shown at the end of 2.7)
        const failed = ctx.transcript('2.7', 'docker build -t cv-admin/file .', 1);
        const dir = `${HOSTDIR}/c25-centos`;
        writeAdminContext(ctx, dir, 'cv-centos:latest');
        await ctx.session.runEarly(failed, ctx.plan(failed), dir);
        ctx.session.cwd = `${HOSTDIR}/c25`;
        writeAdminContext(ctx, ctx.session.cwd);
      },
    },
    {
      // the child context: its Dockerfile (shown) and child.txt (15 bytes: the ADD dir row is 52B)
      before: 'cat Dockerfile',
      run: ({ session }) => {
        session.cwd = `${HOSTDIR}/c26-child`;
        session.box.writeFile(`${session.cwd}/child.txt`, 'from the child\n');
      },
    },
    {
      before: 'cat envbuild/Dockerfile',
      run: ({ session }) => void (session.cwd = `${HOSTDIR}/c23`),
    },
    {
      before: 'docker build -t cv-xiaowu/file:v2 .',
      run: (ctx) => {
        const { session } = ctx;
        session.cwd = `${HOSTDIR}/c27`;
        session.box.writeFile(`${session.cwd}/Dockerfile`, seedDockerfile(seedV4(ctx), 1));
        // a different abc.txt than cv-admin/file's: the v5 ADD steps are not cached
        session.box.writeFile(`${session.cwd}/abc.txt`, 'abc\n');
        session.box.mkdirp(`${session.cwd}/webapp`);
      },
    },
    {
      before: 'docker build -t cv-xiaowu/file:v2 .',
      nth: 1,
      run: (ctx) => ctx.session.box.writeFile(`${HOSTDIR}/c27/Dockerfile`, seedDockerfile(seedV4(ctx), 2)),
    },
    {
      before: 'docker build -t cv-xiaowu/file:v2 .',
      nth: 2,
      run: (ctx) => ctx.session.box.writeFile(`${HOSTDIR}/c27/Dockerfile`, seedDockerfile(seedV4(ctx), 3)),
    },
    {
      // v4 is written by its `cat Dockerfile`; v5 drops the line `expose 指定对外开放的端口号`
      before: 'docker build -t cv-xiaowu/file:v2 .',
      nth: 4,
      run: (ctx) => ctx.session.box.writeFile(`${HOSTDIR}/c27/Dockerfile`, seedV4(ctx).replace(/^expose .*\n/m, '')),
    },
    {
      before: 'docker build -f sub/mydockerfile -t cv-multi .',
      run: ({ session }) => {
        session.cwd = `${HOSTDIR}/c28`;
        // from the step lines of the transcript
        session.box.writeFile(
          `${session.cwd}/sub/mydockerfile`,
          'FROM cv-centos AS stage1\nRUN echo stage1 > /stage1.txt\nFROM cv-tomcat\nRUN echo stage2 > /stage2.txt\n',
        );
      },
    },
    {
      // the Dockerfile is not shown: ADD and COPY of pkg.tar.gz (166 bytes, a.txt and b.txt of 6 bytes each)
      before: 'docker build -q -t cv-addtar .',
      run: ({ session }) => {
        session.cwd = `${HOSTDIR}/c29`;
        session.box.writeFile(`${session.cwd}/Dockerfile`, 'FROM cv-bb:1\nADD pkg.tar.gz /added/\nCOPY pkg.tar.gz /copied/\n');
        session.box.writeFile(`${session.cwd}/pkg.tar.gz`, Uint8Array.from(Buffer.from(PKG_TAR_GZ_BASE64, 'base64')));
      },
    },
  ],
};

/** 2.8: ports, SELinux, privileged. */
const s28: StateSetup = {
  sections: ['2.8'],
  prelude: ({ session }) => {
    // the bind-mount directory as 2.5 left it
    for (const name of ['container.txt', 'host.txt', 'while_stopped.txt']) session.box.writeFile(`${HOSTDIR}/host/myDataVolume/${name}`, 'x\n');
  },
};

/** The states of section 2. */
export const SECTION_2_STATES: StateSetup[] = [s21, s22, s23, s24, s25, s26, s27, s28];

