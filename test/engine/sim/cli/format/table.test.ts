// The list tables of docker-reference.md 5.1, rebuilt from row data and compared byte for byte (trailing spaces
// included), plus the `--format` forms of list commands.

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { containerStatus, createdSince, historyCreatedBy, psCommand, psSize, truncateId } from '../../../../../src/engine/sim/cli/format/display.js';
import {
  CONTAINER_LIST,
  CONTAINER_LIST_SIZE,
  HISTORY_LIST,
  HISTORY_LIST_NON_HUMAN,
  IMAGE_LIST,
  IMAGE_LIST_DIGESTS,
  NETWORK_LIST,
  VOLUME_LIST,
} from '../../../../../src/engine/sim/cli/format/list-specs.js';
import { preflightListTemplate, renderList, type ListRow } from '../../../../../src/engine/sim/cli/format/table.js';
import { TemplateError } from '../../../../../src/engine/sim/cli/format/template-error.js';
import { humanSizeWithPrecision } from '../../../../../src/engine/sim/cli/format/units.js';

const lines = (...l: string[]) => l.map((x) => x + '\n').join('');
const NOW = Date.UTC(2026, 10, 22, 21, 32, 9);
const ago = (seconds: number) => NOW - seconds * 1000;

function image(repo: string, tag: string, id: string, created: string | number, size: number): ListRow {
  const since = typeof created === 'string' ? created : createdSince(ago(created), NOW);
  return { Repository: repo, Tag: tag, ID: truncateId(id), CreatedSince: since, Size: humanSizeWithPrecision(size, 3), Digest: '<none>' };
}

describe('docker images tables (5.1)', () => {
  const MB199 = 1985578;
  it('renders the filtered image list', () => {
    const rows = [
      image('cv-gnu', 'latest', 'beb5efeca439', 32, 7140000),
      image('cv-host/splite3', 'vv', '80b5e7ed36a2', 48, MB199),
      image('cv-host/zh', '1', 'c5ce9b601718', 48, MB199),
      image('cv-host/long', 'latest', 'e91f88158aac', 48, MB199),
      image('cv-berr-workdirrel', 'latest', 'f35430f09b55', 95, MB199),
      image('cv-berr-cmdjsonbad', 'latest', '9a60bdce4d3b', 100, MB199),
      image('cv-berr-lowercase', 'latest', '52476a70a91f', 110, MB199),
      image('cv-labels', '130', '55248f10af22', 150, 1982363),
      image('cv-addtar', 'latest', '72ebbd8db923', 200, MB199),
      image('cv-multi', 'latest', '9015bd33ffb9', 210, MB199),
      image('cv-epshell', 'latest', '1ce19c927af9', 220, MB199),
      image('cv-ep2', 'latest', 'c91ae282f06d', 240, MB199),
      image('cv-cmd', 'latest', 'd510a5ef2027', 250, MB199),
      image('cv-xiaowu/file', 'v2', 'c982f84d0ec7', 260, MB199),
      image('cv-admin/child', 'latest', '62d35ede0446', 270, MB199),
      image('cv-admin/file', 'latest', '35e107afc3b6', 280, MB199),
      image('cv-ubuntu', 'latest', '070224a7e528', 290, MB199),
      image('cv-vcimg', '1', '4b9ad92d99b0', 300, MB199),
      image('cv-tim/centos', 'latest', '5e0a5ec20d25', 310, MB199),
      image('cv-v1img', 'latest', 'baae62d0baa3', 320, MB199),
      image('cv-bigdel', '1layer', '9af1416d5a87', 330, MB199),
      image('cv-bigdel', '2layers', 'd2b57c523438', 360, 7230000),
      image('cv-xpu/tomcat_02', '1.2', 'e00d1f3e68bc', 370, MB199),
      image('cv-centos', 'latest', '17e507908641', 380, MB199),
      image('cv-tomcat', 'latest', '12d40989b134', 390, MB199),
      image('cv-bb', '1', 'c07a6132c0dd', 400, MB199),
    ];
    assert.equal(
      renderList(rows, undefined, IMAGE_LIST),
      lines(
        'REPOSITORY           TAG       IMAGE ID       CREATED              SIZE',
        'cv-gnu               latest    beb5efeca439   32 seconds ago       7.14MB',
        'cv-host/splite3      vv        80b5e7ed36a2   48 seconds ago       1.99MB',
        'cv-host/zh           1         c5ce9b601718   48 seconds ago       1.99MB',
        'cv-host/long         latest    e91f88158aac   48 seconds ago       1.99MB',
        'cv-berr-workdirrel   latest    f35430f09b55   About a minute ago   1.99MB',
        'cv-berr-cmdjsonbad   latest    9a60bdce4d3b   About a minute ago   1.99MB',
        'cv-berr-lowercase    latest    52476a70a91f   About a minute ago   1.99MB',
        'cv-labels            130       55248f10af22   2 minutes ago        1.98MB',
        'cv-addtar            latest    72ebbd8db923   3 minutes ago        1.99MB',
        'cv-multi             latest    9015bd33ffb9   3 minutes ago        1.99MB',
        'cv-epshell           latest    1ce19c927af9   3 minutes ago        1.99MB',
        'cv-ep2               latest    c91ae282f06d   4 minutes ago        1.99MB',
        'cv-cmd               latest    d510a5ef2027   4 minutes ago        1.99MB',
        'cv-xiaowu/file       v2        c982f84d0ec7   4 minutes ago        1.99MB',
        'cv-admin/child       latest    62d35ede0446   4 minutes ago        1.99MB',
        'cv-admin/file        latest    35e107afc3b6   4 minutes ago        1.99MB',
        'cv-ubuntu            latest    070224a7e528   4 minutes ago        1.99MB',
        'cv-vcimg             1         4b9ad92d99b0   5 minutes ago        1.99MB',
        'cv-tim/centos        latest    5e0a5ec20d25   5 minutes ago        1.99MB',
        'cv-v1img             latest    baae62d0baa3   5 minutes ago        1.99MB',
        'cv-bigdel            1layer    9af1416d5a87   5 minutes ago        1.99MB',
        'cv-bigdel            2layers   d2b57c523438   6 minutes ago        7.23MB',
        'cv-xpu/tomcat_02     1.2       e00d1f3e68bc   6 minutes ago        1.99MB',
        'cv-centos            latest    17e507908641   6 minutes ago        1.99MB',
        'cv-tomcat            latest    12d40989b134   6 minutes ago        1.99MB',
        'cv-bb                1         c07a6132c0dd   6 minutes ago        1.99MB',
      ),
    );
  });

  const tomcat02 = image('cv-xpu/tomcat_02', '1.2', 'sha256:e00d1f3e68bc86021c3990a3cb4a1528a98718e9261476ef0a9175e4d9e112d7', 370, MB199);

  it('prints only IDs with -q', () => {
    assert.equal(renderList([tomcat02], undefined, IMAGE_LIST, { quiet: true }), 'e00d1f3e68bc\n');
  });

  it('widens the IMAGE ID column for --no-trunc', () => {
    const row = { ...tomcat02, ID: 'sha256:e00d1f3e68bc86021c3990a3cb4a1528a98718e9261476ef0a9175e4d9e112d7' };
    assert.equal(
      renderList([row], undefined, IMAGE_LIST),
      lines(
        'REPOSITORY         TAG       IMAGE ID                                                                  CREATED         SIZE',
        'cv-xpu/tomcat_02   1.2       sha256:e00d1f3e68bc86021c3990a3cb4a1528a98718e9261476ef0a9175e4d9e112d7   6 minutes ago   1.99MB',
      ),
    );
  });

  it('adds the DIGEST column for --digests', () => {
    assert.equal(
      renderList([tomcat02], undefined, IMAGE_LIST_DIGESTS),
      lines(
        'REPOSITORY         TAG       DIGEST    IMAGE ID       CREATED         SIZE',
        'cv-xpu/tomcat_02   1.2       <none>    e00d1f3e68bc   6 minutes ago   1.99MB',
      ),
    );
  });

  it('shows dangling images as <none> <none>', () => {
    assert.equal(
      renderList([image('<none>', '<none>', '6f6654042e80', 7, MB199)], '', IMAGE_LIST),
      lines('REPOSITORY   TAG       IMAGE ID       CREATED         SIZE', '<none>       <none>    6f6654042e80   7 seconds ago   1.99MB'),
    );
  });

  it('prints N/A when CREATED is empty (the default format has an if)', () => {
    const out = renderList([image('x', 'y', 'abc', '', 0)], undefined, IMAGE_LIST);
    assert.equal(out, lines('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE', 'x            y         abc        N/A       0B'));
  });
});

interface Ctr {
  id: string;
  image: string;
  cmd: string;
  created: number;
  status: string;
  name: string;
}

function container(c: Ctr, trunc = true): ListRow {
  return {
    ID: trunc ? truncateId(c.id) : c.id,
    Image: c.image,
    Command: psCommand(c.cmd, trunc),
    RunningFor: createdSince(ago(c.created), NOW),
    Status: c.status,
    Ports: '',
    Names: c.name,
    Size: psSize(31, 1985578),
    Label: (name: unknown) => (name === 'cv.label' ? 'yes' : ''),
  };
}

const up = (seconds: number) => containerStatus({ running: true, exitCode: 0, startedAt: ago(seconds), finishedAt: null }, NOW);
const exited = (code: number, seconds: number) =>
  containerStatus({ running: false, exitCode: code, startedAt: ago(seconds + 1), finishedAt: ago(seconds) }, NOW);
const created = containerStatus({ running: false, exitCode: 0, startedAt: null, finishedAt: null }, NOW);

const SHAPE: Ctr = { id: '76b8f735f0bb362806bc741f6f60', image: 'cv-tim/centos', cmd: '/bin/sh -c /bin/bash', created: 10, status: up(9), name: 'cv-shape' };
const SRC: Ctr = { id: '2655eb7f271bbc1b03c5', image: 'cv-tim/centos', cmd: '/bin/sh -c /bin/bash', created: 11, status: up(10), name: 'cv-shape-src' };
const EXITED: Ctr = { id: 'a520bd6f2b13', image: 'cv-centos', cmd: 'true', created: 70, status: exited(0, 65), name: 'cv-exited' };
const STOPPED: Ctr = { id: '0650b196430c', image: 'cv-centos', cmd: 'sleep 10', created: 75, status: created, name: 'cv-stopped' };
const RUNNING: Ctr = { id: 'e068f2e74a8c', image: 'cv-centos', cmd: 'sleep 10000', created: 80, status: up(80), name: 'cv-running' };
const DETACH: Ctr = { id: '9b00709dc0ff', image: 'cv-centos', cmd: '/bin/bash', created: 90, status: up(89), name: 'cv-detach' };
const CMDTEST: Ctr = { id: '5d0bc6b39fc2', image: 'cv-tim/centos', cmd: '/bin/sh -c /bin/bash', created: 320, status: exited(0, 310), name: 'cv-cmdtest' };
const RO: Ctr = { id: 'bd4ad80bfab5', image: 'cv-centos:latest', cmd: 'sleep 3000', created: 330, status: up(330), name: 'cv-ro' };
const V1: Ctr = { id: '3ee44b73d304', image: 'cv-centos:latest', cmd: 'sleep 3000', created: 340, status: up(340), name: 'cv-v1' };
const TC1: Ctr = { id: 'ff71496ee192', image: 'cv-tomcat:latest', cmd: 'catalina.sh run', created: 370, status: up(370), name: 'cv-tc1' };
const COW: Ctr = {
  id: 'e30e2548f741404157c6e93ba7c920bab502235bf4020d906ed3d694b8f200ad',
  image: 'cv-tomcat:latest',
  cmd: 'catalina.sh run',
  created: 380,
  status: up(380),
  name: 'cv-cow',
};
const LONGCMD: Ctr = {
  id: 'b8ba8cbdeaec2c4f2005c82fa2c56e63bf917e1824b9fbda8e8a431d913d85ba',
  image: 'cv-xpu/tomcat_02:1.2',
  cmd: "sh -c 'echo a very long command line here'",
  created: 0.4,
  status: created,
  name: 'cv-longcmd',
};

describe('docker ps tables (5.1)', () => {
  it('renders running containers', () => {
    const rows = [SHAPE, SRC, RUNNING, DETACH, RO, V1, TC1, COW].map((c) => container(c));
    assert.equal(
      renderList(rows, undefined, CONTAINER_LIST),
      lines(
        'CONTAINER ID   IMAGE              COMMAND                  CREATED              STATUS              PORTS     NAMES',
        '76b8f735f0bb   cv-tim/centos      "/bin/sh -c /bin/bash"   10 seconds ago       Up 9 seconds                  cv-shape',
        '2655eb7f271b   cv-tim/centos      "/bin/sh -c /bin/bash"   11 seconds ago       Up 10 seconds                 cv-shape-src',
        'e068f2e74a8c   cv-centos          "sleep 10000"            About a minute ago   Up About a minute             cv-running',
        '9b00709dc0ff   cv-centos          "/bin/bash"              About a minute ago   Up About a minute             cv-detach',
        'bd4ad80bfab5   cv-centos:latest   "sleep 3000"             5 minutes ago        Up 5 minutes                  cv-ro',
        '3ee44b73d304   cv-centos:latest   "sleep 3000"             5 minutes ago        Up 5 minutes                  cv-v1',
        'ff71496ee192   cv-tomcat:latest   "catalina.sh run"        6 minutes ago        Up 6 minutes                  cv-tc1',
        'e30e2548f741   cv-tomcat:latest   "catalina.sh run"        6 minutes ago        Up 6 minutes                  cv-cow',
      ),
    );
  });

  it('renders all containers with -a (Exited and Created rows)', () => {
    const rows = [SHAPE, SRC, EXITED, STOPPED, RUNNING, DETACH, CMDTEST, RO, V1, TC1, COW].map((c) => container(c));
    assert.equal(
      renderList(rows, undefined, CONTAINER_LIST),
      lines(
        'CONTAINER ID   IMAGE              COMMAND                  CREATED              STATUS                          PORTS     NAMES',
        '76b8f735f0bb   cv-tim/centos      "/bin/sh -c /bin/bash"   10 seconds ago       Up 9 seconds                              cv-shape',
        '2655eb7f271b   cv-tim/centos      "/bin/sh -c /bin/bash"   11 seconds ago       Up 10 seconds                             cv-shape-src',
        'a520bd6f2b13   cv-centos          "true"                   About a minute ago   Exited (0) About a minute ago             cv-exited',
        '0650b196430c   cv-centos          "sleep 10"               About a minute ago   Created                                   cv-stopped',
        'e068f2e74a8c   cv-centos          "sleep 10000"            About a minute ago   Up About a minute                         cv-running',
        '9b00709dc0ff   cv-centos          "/bin/bash"              About a minute ago   Up About a minute                         cv-detach',
        '5d0bc6b39fc2   cv-tim/centos      "/bin/sh -c /bin/bash"   5 minutes ago        Exited (0) 5 minutes ago                  cv-cmdtest',
        'bd4ad80bfab5   cv-centos:latest   "sleep 3000"             5 minutes ago        Up 5 minutes                              cv-ro',
        '3ee44b73d304   cv-centos:latest   "sleep 3000"             5 minutes ago        Up 5 minutes                              cv-v1',
        'ff71496ee192   cv-tomcat:latest   "catalina.sh run"        6 minutes ago        Up 6 minutes                              cv-tc1',
        'e30e2548f741   cv-tomcat:latest   "catalina.sh run"        6 minutes ago        Up 6 minutes                              cv-cow',
      ),
    );
  });

  it('adds SIZE with -s', () => {
    assert.equal(
      renderList([container(COW)], undefined, CONTAINER_LIST_SIZE),
      lines(
        'CONTAINER ID   IMAGE              COMMAND             CREATED         STATUS         PORTS     NAMES     SIZE',
        'e30e2548f741   cv-tomcat:latest   "catalina.sh run"   6 minutes ago   Up 6 minutes             cv-cow    31B (virtual 1.99MB)',
      ),
    );
  });

  it('keeps full IDs with --no-trunc, and only IDs with -q', () => {
    assert.equal(
      renderList([container(COW, false)], undefined, CONTAINER_LIST),
      lines(
        'CONTAINER ID                                                       IMAGE              COMMAND             CREATED         STATUS         PORTS     NAMES',
        'e30e2548f741404157c6e93ba7c920bab502235bf4020d906ed3d694b8f200ad   cv-tomcat:latest   "catalina.sh run"   6 minutes ago   Up 6 minutes             cv-cow',
      ),
    );
    assert.equal(renderList([container(COW)], undefined, CONTAINER_LIST, { quiet: true }), 'e30e2548f741\n');
  });

  it('cuts COMMAND to 20 characters inside the quotes', () => {
    assert.equal(
      renderList([container(LONGCMD)], undefined, CONTAINER_LIST),
      lines(
        'CONTAINER ID   IMAGE                  COMMAND                  CREATED                  STATUS    PORTS     NAMES',
        'b8ba8cbdeaec   cv-xpu/tomcat_02:1.2   "sh -c \'echo a very …"   Less than a second ago   Created             cv-longcmd',
      ),
    );
  });

  it('renders a user table format with --no-trunc', () => {
    assert.equal(
      renderList([container(LONGCMD, false)], 'table {{.ID}}\\t{{.Command}}', CONTAINER_LIST),
      lines(
        'CONTAINER ID                                                       COMMAND',
        'b8ba8cbdeaec2c4f2005c82fa2c56e63bf917e1824b9fbda8e8a431d913d85ba   "sh -c \'echo a very long command line here\'"',
      ),
    );
  });

  it('renders plain row templates without a header (2.2, 2.7)', () => {
    const c = {
      id: '081f13cb35db9bc8f57b657d1fe5fad4c2e2a0399da6c20d4a5480018d9a8a7b',
      image: '012457d8c9a7',
      cmd: '/bin/sh -c \'touch /f125\'',
      created: 12,
      status: exited(0, 10),
      name: 'hungry_villani',
    };
    assert.equal(
      renderList([container(c, false)], '{{.ID}} | {{.Names}} | {{.Status}} | {{.Command}}', CONTAINER_LIST),
      '081f13cb35db9bc8f57b657d1fe5fad4c2e2a0399da6c20d4a5480018d9a8a7b | hungry_villani | Exited (0) 10 seconds ago | "/bin/sh -c \'touch /f125\'"\n',
    );
    const rows = [
      { id: 'ae3d973513ce', image: '6f6654042e80', cmd: 'x', created: 5, status: created, name: 'jolly_cerf' },
      { id: '528f292bed92', image: '690c5d5c9209', cmd: 'x', created: 90, status: exited(127, 80), name: 'romantic_wright' },
      { id: '081f13cb35db', image: '012457d8c9a7', cmd: 'x', created: 9, status: exited(0, 5), name: 'hungry_villani' },
    ].map((r) => container(r));
    assert.equal(
      renderList(rows, '{{.ID}} {{.Names}} {{.Image}} {{.Status}}', CONTAINER_LIST),
      lines(
        'ae3d973513ce jolly_cerf 6f6654042e80 Created',
        '528f292bed92 romantic_wright 690c5d5c9209 Exited (127) About a minute ago',
        '081f13cb35db hungry_villani 012457d8c9a7 Exited (0) 5 seconds ago',
      ),
    );
  });

  it('calls methods with arguments and marshals rows as sorted, HTML-escaped JSON', () => {
    const row = { ID: 'abc', Names: 'a<b>&c', Label: (n: unknown) => `L:${String(n)}` };
    assert.equal(renderList([row], '{{.Label "cv.label"}} {{json .Names}}', CONTAINER_LIST), 'L:cv.label "a<b>&c"\n');
    assert.equal(renderList([row], '{{json .}}', CONTAINER_LIST), '{"ID":"abc","Names":"a\\u003cb\\u003e\\u0026c"}\n');
  });
});

const HIST = [
  { ID: 'e00d1f3e68bc', by: 'catalina.sh run', size: 0, comment: 'This is my Tomcat' },
  { ID: '12d40989b134', by: '/bin/sh -c #(nop)  CMD ["catalina.sh" "run"]', size: 0, comment: '' },
  { ID: 'b85ee73a1df0', by: '/bin/sh -c #(nop)  EXPOSE 8080', size: 0, comment: '' },
  { ID: '780cd7520ad5', by: '/bin/sh -c #(nop) WORKDIR /usr/local/tomcat', size: 0, comment: '' },
  { ID: '27074790b410', by: '/bin/sh -c #(nop) COPY file:07e1d4126f4dccbefcaf505516ba605bdfe50c0b4b55f92ee1a3 in /usr/local/tomcat/bin/catalina.sh ', size: 53, comment: '' },
  { ID: '91d8724b0b17', by: '/bin/sh -c mkdir -p /usr/local/tomcat/bin /usr/local/tomcat/conf /usr/local/tomcat/webapps', size: 65, comment: '' },
  { ID: '44c7e9d4e55e', by: '/bin/sh -c #(nop)  ENV PATH=/usr/local/tomcat/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', size: 0, comment: '' },
  { ID: 'fedbc1ab1c45', by: '/bin/sh -c #(nop)  ENV CATALINA_HOME=/usr/local/tomcat', size: 0, comment: '' },
  { ID: 'c07a6132c0dd', by: '/bin/sh -c /bin/busybox --install -s /bin', size: 3060, comment: '' },
  { ID: 'febb46f39e19', by: '', size: 1982363, comment: 'Imported from -' },
];

function historyRow(h: (typeof HIST)[number], i: number, human = true, trunc = true): ListRow {
  const createdMs = i === HIST.length - 1 ? ago(560) : ago(380);
  return {
    ID: h.ID,
    CreatedSince: createdSince(createdMs, NOW),
    CreatedAt: '2026-11-22T21:26:02Z',
    CreatedBy: historyCreatedBy(h.by, trunc),
    Size: human ? humanSizeWithPrecision(h.size, 3) : String(h.size),
    Comment: h.comment,
  };
}

describe('docker history tables (5.1)', () => {
  it('renders the layers with CREATED BY cut at 45 and trailing COMMENT padding', () => {
    assert.equal(
      renderList(HIST.map((h, i) => historyRow(h, i)), undefined, HISTORY_LIST),
      lines(
        'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT',
        'e00d1f3e68bc   6 minutes ago   catalina.sh run                                 0B        This is my Tomcat',
        '12d40989b134   6 minutes ago   /bin/sh -c #(nop)  CMD ["catalina.sh" "run"]    0B        ',
        'b85ee73a1df0   6 minutes ago   /bin/sh -c #(nop)  EXPOSE 8080                  0B        ',
        '780cd7520ad5   6 minutes ago   /bin/sh -c #(nop) WORKDIR /usr/local/tomcat     0B        ',
        '27074790b410   6 minutes ago   /bin/sh -c #(nop) COPY file:07e1d4126f4dccbe…   53B       ',
        '91d8724b0b17   6 minutes ago   /bin/sh -c mkdir -p /usr/local/tomcat/bin /u…   65B       ',
        '44c7e9d4e55e   6 minutes ago   /bin/sh -c #(nop)  ENV PATH=/usr/local/tomca…   0B        ',
        'fedbc1ab1c45   6 minutes ago   /bin/sh -c #(nop)  ENV CATALINA_HOME=/usr/lo…   0B        ',
        'c07a6132c0dd   6 minutes ago   /bin/sh -c /bin/busybox --install -s /bin       3.06kB    ',
        'febb46f39e19   9 minutes ago                                                   1.98MB    Imported from -',
      ),
    );
  });

  it('uses CREATED AT and byte sizes with -H=false', () => {
    const rows = HIST.map((h, i) => historyRow(h, i, false));
    const out = renderList(rows, undefined, HISTORY_LIST_NON_HUMAN).split('\n').slice(0, 2).join('\n');
    assert.equal(
      out,
      'IMAGE          CREATED AT             CREATED BY                                      SIZE      COMMENT\n' +
        'e00d1f3e68bc   2026-11-22T21:26:02Z   catalina.sh run                                 0         This is my Tomcat',
    );
  });

  it('prints IDs only with -q, and a plain template per layer', () => {
    const rows = HIST.map((h, i) => historyRow(h, i));
    assert.equal(renderList(rows, undefined, HISTORY_LIST, { quiet: true }), HIST.map((h) => h.ID + '\n').join(''));
    const full = { ...historyRow(HIST[1] as (typeof HIST)[number], 1, true, false), ID: 'sha256:12d40989b134d5c816d42406f3dab27a288f1506788cbfb9ae70ef1b9da2b940' };
    assert.equal(
      renderList([full], '{{.ID}} | {{.Size}} | {{.CreatedBy}}', HISTORY_LIST),
      'sha256:12d40989b134d5c816d42406f3dab27a288f1506788cbfb9ae70ef1b9da2b940 | 0B | /bin/sh -c #(nop)  CMD ["catalina.sh" "run"]\n',
    );
  });
});

describe('docker volume ls tables (5.1)', () => {
  const rows = [
    { Driver: 'local', Name: 'cv-named1' },
    { Driver: 'local', Name: 'cv-named2' },
  ];
  it('renders DRIVER and VOLUME NAME at the minimum column width', () => {
    assert.equal(renderList(rows, undefined, VOLUME_LIST), lines('DRIVER    VOLUME NAME', 'local     cv-named1', 'local     cv-named2'));
  });
  it('prints names with -q', () => {
    assert.equal(renderList(rows, undefined, VOLUME_LIST, { quiet: true }), 'cv-named1\ncv-named2\n');
  });
  it('prints just the header when there is nothing to list', () => {
    assert.equal(renderList([], undefined, VOLUME_LIST), 'DRIVER    VOLUME NAME\n');
  });
});

describe('--format handling of list commands', () => {
  const nets = [
    { ID: 'daefb97810d2', Name: 'host', Driver: 'host', Scope: 'local', Labels: '', Label: (_name: unknown) => '' },
    { ID: '25e8188532d1', Name: 'none', Driver: 'null', Scope: 'local', Labels: '', Label: (_name: unknown) => '' },
  ];

  it('trims spaces, expands \\t and \\n, and keeps text after "table"', () => {
    assert.equal(renderList(nets, '   {{.Name}}  ', NETWORK_LIST), 'host\nnone\n');
    assert.equal(renderList(nets, 'table   {{.Name}}\\t{{.Driver}} ', NETWORK_LIST), lines('NAME      DRIVER', 'host      host', 'none      null'));
    assert.equal(renderList(nets, 'table {{.Name}}\\n{{.Driver}}', NETWORK_LIST), lines('NAME', 'DRIVER', 'host', 'host', 'none', 'null'));
    assert.equal(renderList(nets, 'tablex {{.Name}}', NETWORK_LIST), lines('x NAME', 'x host', 'x none'));
  });

  it('renders raw format and treats "json" as a literal template (20.10)', () => {
    assert.equal(
      renderList(nets.slice(0, 1), 'raw', NETWORK_LIST),
      'network_id: daefb97810d2\nname: host\ndriver: host\nscope: local\n\n',
    );
    assert.equal(renderList(nets, 'json', NETWORK_LIST), 'json\njson\n');
  });

  it('keeps header functions from changing the column names', () => {
    assert.equal(
      renderList(nets, 'table {{.Name}}\\t{{.Label "x"}}\\t{{.Labels}}|{{json .Name}}|{{upper .Driver}}', NETWORK_LIST),
      lines('NAME      x         LABELS|NAME|DRIVER', 'host                |"host"|HOST', 'none                |"none"|NULL'),
    );
    assert.equal(renderList([], 'table {{.Name}}\\t{{.Nope}}\\t{{.Label "com.x.y-z"}}', VOLUME_LIST), 'VOLUME NAME   <no value>   y z\n');
  });

  it('reports template errors as docker does, printing nothing', () => {
    const fail = (format: string) => {
      try {
        renderList(nets, format, NETWORK_LIST);
      } catch (e) {
        assert.ok(e instanceof TemplateError);
        return e.message;
      }
      return assert.fail('no error');
    };
    assert.equal(fail('{{.Nope}}'), 'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *network.networkContext');
    assert.equal(fail('table {{.Name}}\\t{{.Nope}}'), 'template parsing error: template: :1:12: executing "" at <.Nope>: can\'t evaluate field Nope in type *network.networkContext');
    assert.equal(fail('{{.Name}'), "template parsing error: template: :1: bad character U+007D '}'");
    assert.equal(fail('{{.Name 1}}'), 'template parsing error: template: :1:2: executing "" at <.Name>: wrong number of args for Name: want 0 got 1');
  });

  it('runs docker ps\'s preflight on an empty row', () => {
    const empty = { ID: '', Names: '', Image: '', Command: '""', Size: '0B', Label: (_name: unknown) => '' };
    const fail = (format: string) => {
      try {
        preflightListTemplate(format, empty, CONTAINER_LIST.typeName);
      } catch (e) {
        assert.ok(e instanceof TemplateError);
        return e.message;
      }
      return assert.fail('no error');
    };
    assert.deepEqual([...preflightListTemplate('table {{.ID}}\\t{{.Size}}', empty, CONTAINER_LIST.typeName)], ['ID', 'Size']);
    assert.equal(fail('table {{.Nope}}'), 'failed to execute template: template: :1:8: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext');
    assert.equal(fail('{{.Names'), 'failed to parse template: template: :1: unclosed action');
    assert.equal(fail('{{slice .ID 0 20}}'), 'failed to execute template: template: :1:2: executing "" at <slice .ID 0 20>: error calling slice: index out of range: 20');
    assert.equal(fail('{{.Label}}'), 'failed to execute template: template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
  });
});
