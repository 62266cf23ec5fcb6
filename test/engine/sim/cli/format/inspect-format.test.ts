// `docker inspect -f` templates from docker-reference.md (sections 2 and 4) on inspect JSON shaped like the
// transcripts, and the typed-then-raw fallback that decides `<no value>` versus `[]` versus an error.

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { InspectTemplate, inspectStdout } from '../../../../../src/engine/sim/cli/format/inspect-format.js';
import { TemplateError } from '../../../../../src/engine/sim/cli/format/template-error.js';

const L1 = 'sha256:d33066a5cee85e76ed7e0e108b2b0dc0a048dc332a1bd515a64a44543b6927fb';
const L2 = 'sha256:dc468dbca5ca29f223e7cfb4ba33001f8b8d8735295cbe296c68c6d1b9f644e8';
const OVL = '/var/lib/docker/overlay2/5b26339044af17a09d075c882906910710e517e9a87bf8897c47b17b4f3ce828';

const CONTAINER = {
  Id: '76b8f735f0bb362806bc741f6f6019701b560d8a325eb189bfe4f0bc5c8ec035',
  Created: '2026-11-22T21:31:59.231483799Z',
  Path: '/bin/sh',
  Args: ['-c', '/bin/bash'],
  State: { Status: 'running', Running: true, Paused: false, Restarting: false, OOMKilled: false, Dead: false, Pid: 10850, ExitCode: 0, Error: '', StartedAt: '2026-11-22T21:31:59.571231445Z', FinishedAt: '0001-01-01T00:00:00Z' },
  Name: '/cv-life',
  ExecIDs: null,
  HostConfig: {
    Binds: ['<HOSTDIR>/host/myDataVolume:/dataVolumeContainer:z'],
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: 'none',
    PortBindings: {},
    VolumesFrom: null,
    CapAdd: null,
    Dns: [],
    UsernsMode: '',
    Privileged: true,
    PublishAllPorts: true,
  },
  GraphDriver: {
    Data: { LowerDir: `${OVL}-init/diff`, MergedDir: `${OVL}/merged`, UpperDir: `${OVL}/diff`, WorkDir: `${OVL}/work` },
    Name: 'overlay2',
  },
  Mounts: [{ Type: 'bind', Source: '<HOSTDIR>/host/myDataVolume', Destination: '/dataVolumeContainer', Mode: 'z', RW: true, Propagation: 'rprivate' }],
  Config: {
    Hostname: '76b8f735f0bb',
    ExposedPorts: { '8080/tcp': {} },
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['/bin/sh', '-c', '/bin/bash'],
    Image: 'cv-tim/centos',
    Volumes: { '/dataVolume1': {}, '/dataVolume2': {} },
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: { 'cv.label': 'yes' },
  },
  NetworkSettings: {
    Ports: {},
    Networks: {
      none: {
        IPAMConfig: null, Links: null, Aliases: null,
        NetworkID: 'af8e69e544cd9a6b2b3b4cb8c2f0f410b0a3f3047a8cb09719b0b499bf8693fa',
        EndpointID: 'eaa3f7fabe9cfcde026d5b1f1f6b27de41deea2e480705297f16fe1a2e2a83bb',
        Gateway: '', IPAddress: '', IPPrefixLen: 0, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
        MacAddress: '', DriverOpts: null,
      },
    },
  },
};

const IMAGE = {
  Id: 'sha256:e00d1f3e68bc86021c3990a3cb4a1528a98718e9261476ef0a9175e4d9e112d7',
  RepoTags: ['cv-xpu/tomcat_02:1.2'],
  Parent: 'sha256:12d40989b134d5c816d42406f3dab27a288f1506788cbfb9ae70ef1b9da2b940',
  Comment: 'This is my Tomcat',
  Container: 'ff71496ee192fee37b1e7795d4baf7bb33e5dcef994a43b9bc9371f862692381',
  Author: 'Tim',
  Config: {
    ExposedPorts: { '8080/tcp': {} },
    Cmd: ['catalina.sh', 'run'],
    WorkingDir: '/usr/local/tomcat',
    Entrypoint: null,
    OnBuild: ['ADD . /app/src', 'RUN echo "on build excuted" >> onbuild.txt'],
    Labels: Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`l${i}`, String(i)])),
  },
  RootFS: { Type: 'layers', Layers: [L1, L2] },
  Metadata: { LastTagTime: '2026-11-22T21:59:16.374528663Z' },
};

function run(format: string, ...items: unknown[]): { out: string; errors: string[] } {
  const tmpl = InspectTemplate.parse(format);
  const lines: string[] = [];
  const errors: string[] = [];
  for (const item of items) {
    try {
      lines.push(tmpl.inspect(item));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      errors.push(e.message);
    }
  }
  return { out: inspectStdout(lines), errors };
}

const out = (format: string, item: unknown) => run(format, item).out;

describe('docker inspect --format templates from the reference', () => {
  it('prints JSON of nested objects in Go field order', () => {
    assert.equal(out('{{json .RootFS}}', IMAGE), `{"Type":"layers","Layers":["${L1}","${L2}"]}\n`);
    assert.equal(
      out('{{json .GraphDriver}}', CONTAINER),
      `{"Data":{"LowerDir":"${OVL}-init/diff","MergedDir":"${OVL}/merged","UpperDir":"${OVL}/diff","WorkDir":"${OVL}/work"},"Name":"overlay2"}\n`,
    );
    assert.equal(
      out('{{json .Mounts}}', CONTAINER),
      '[{"Type":"bind","Source":"<HOSTDIR>/host/myDataVolume","Destination":"/dataVolumeContainer","Mode":"z","RW":true,"Propagation":"rprivate"}]\n',
    );
  });

  it('counts with len and reads state', () => {
    assert.equal(out('layers={{len .RootFS.Layers}} labels={{len .Config.Labels}}', IMAGE), 'layers=2 labels=130\n');
    assert.equal(out('{{.State.Status}} paused={{.State.Paused}}', CONTAINER), 'running paused=false\n');
    assert.equal(out('Pid={{.State.Pid}} HostConfig.UsernsMode={{json .HostConfig.UsernsMode}}', CONTAINER), 'Pid=10850 HostConfig.UsernsMode=""\n');
  });

  it('mixes plain and json fields (2.2 commit)', () => {
    assert.equal(
      out('Comment={{json .Comment}} Author={{json .Author}} Container={{.Container}} Parent={{.Parent}} Cmd={{json .Config.Cmd}} WorkingDir={{.Config.WorkingDir}} ExposedPorts={{json .Config.ExposedPorts}}', IMAGE),
      'Comment="This is my Tomcat" Author="Tim" Container=ff71496ee192fee37b1e7795d4baf7bb33e5dcef994a43b9bc9371f862692381 Parent=sha256:12d40989b134d5c816d42406f3dab27a288f1506788cbfb9ae70ef1b9da2b940 Cmd=["catalina.sh","run"] WorkingDir=/usr/local/tomcat ExposedPorts={"8080/tcp":{}}\n',
    );
    assert.equal(out('Author={{.Author}} Comment={{.Comment}}', { ...IMAGE, Author: 'xiaofan', Comment: 'add webapps app' }), 'Author=xiaofan Comment=add webapps app\n');
    const zh = { ...IMAGE, Comment: '提交的描述信息', Author: '作者' };
    assert.equal(out('Comment={{json .Comment}} Author={{json .Author}}', zh), 'Comment="提交的描述信息" Author="作者"\n');
    const long = { ...IMAGE, Comment: 'long flag', Author: 'A U Thor <a@b.c>' };
    assert.equal(out('Comment={{json .Comment}} Author={{json .Author}}', long), 'Comment="long flag" Author="A U Thor <a@b.c>"\n');
  });

  it('prints null slices, maps and pointers as JSON null', () => {
    assert.equal(
      out('Volumes={{json .Config.Volumes}} Cmd={{json .Config.Cmd}} Entrypoint={{json .Config.Entrypoint}}', CONTAINER),
      'Volumes={"/dataVolume1":{},"/dataVolume2":{}} Cmd=["/bin/sh","-c","/bin/bash"] Entrypoint=null\n',
    );
    assert.equal(out('VolumesFrom={{json .HostConfig.VolumesFrom}} Binds={{json .HostConfig.Binds}}', CONTAINER), 'VolumesFrom=null Binds=["<HOSTDIR>/host/myDataVolume:/dataVolumeContainer:z"]\n');
    assert.equal(out('child OnBuild={{json .Config.OnBuild}}', CONTAINER), 'child OnBuild=null\n');
    assert.equal(out('parent OnBuild={{json .Config.OnBuild}}', IMAGE), 'parent OnBuild=["ADD . /app/src","RUN echo \\"on build excuted\\" >> onbuild.txt"]\n');
    assert.equal(
      out('Ports={{json .NetworkSettings.Ports}} Networks={{json .NetworkSettings.Networks}}', CONTAINER),
      'Ports={} Networks={"none":{"IPAMConfig":null,"Links":null,"Aliases":null,"NetworkID":"af8e69e544cd9a6b2b3b4cb8c2f0f410b0a3f3047a8cb09719b0b499bf8693fa","EndpointID":"eaa3f7fabe9cfcde026d5b1f1f6b27de41deea2e480705297f16fe1a2e2a83bb","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"","DriverOpts":null}}\n',
    );
    assert.equal(
      out('PublishAllPorts={{.HostConfig.PublishAllPorts}} PortBindings={{json .HostConfig.PortBindings}} ExposedPorts={{json .Config.ExposedPorts}} NetworkMode={{.HostConfig.NetworkMode}} Ports={{json .NetworkSettings.Ports}}', CONTAINER),
      'PublishAllPorts=true PortBindings={} ExposedPorts={"8080/tcp":{}} NetworkMode=none Ports={}\n',
    );
  });

  it('falls back to the raw JSON for {{.Id}}', () => {
    const dangling = { ...IMAGE, Id: 'sha256:651f3ebf37095163834bb27af161d1503c75a3aaebdd34b4f556329afd8b56ce', RepoTags: [] };
    assert.equal(out('{{.Id}} RepoTags={{json .RepoTags}}', dangling), 'sha256:651f3ebf37095163834bb27af161d1503c75a3aaebdd34b4f556329afd8b56ce RepoTags=[]\n');
  });
});

describe('docker inspect typed view and raw fallback (checked against docker 20.10)', () => {
  it('gives typed results while the typed run succeeds', () => {
    assert.equal(out('{{.Config.Labels.x}}|{{index .Config.Labels "x"}}|{{.Config.Labels}}', CONTAINER), '<no value>||map[cv.label:yes]\n');
    assert.equal(out('{{.Config.Entrypoint}}|{{.Config.Cmd}}|{{.ExecIDs}}|{{.State.Health}}|{{.ID}}', CONTAINER), `[]|[/bin/sh -c /bin/bash]|[]|<nil>|${CONTAINER.Id}\n`);
    assert.equal(out('{{.Config.ExposedPorts}} {{.GraphDriver.Data.Nope}}', CONTAINER), 'map[8080/tcp:{}] <no value>\n');
    assert.equal(out('{{.RootFS}} {{.Metadata.LastTagTime}}', IMAGE), `{layers [${L1} ${L2}]} 2026-11-22 21:59:16.374528663 +0000 UTC\n`);
  });

  it('re-runs on map[string]interface{} when the typed run fails', () => {
    assert.equal(out('{{.Id}} {{.Config.Entrypoint}} {{printf "%T" .State.Pid}} {{printf "%v" .Config.Entrypoint}}', CONTAINER), `${CONTAINER.Id} <no value> json.Number <nil>\n`);
    assert.equal(out('{{.HostConfig.Dns}} {{.HostConfig.CapAdd}} {{.ExecIDs}}', CONTAINER), '[] <no value> <no value>\n');
    assert.equal(out('{{.Id}} {{.Config.ExposedPorts}} {{index .Config.ExposedPorts "1/tcp"}}', CONTAINER), `${CONTAINER.Id} map[8080/tcp:map[]] <no value>\n`);
  });

  it('reports errors of the raw run with docker\'s prefix and prints an empty line', () => {
    assert.deepEqual(run('{{.Nope}}', CONTAINER), { out: '\n', errors: ['template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"'] });
    assert.deepEqual(run('{{.Config.Nope}}', CONTAINER).errors, ['template parsing error: template: :1:9: executing "" at <.Config.Nope>: map has no entry for key "Nope"']);
    assert.deepEqual(run('{{len .Nope}}', CONTAINER).errors, ['template parsing error: template: :1:6: executing "" at <.Nope>: map has no entry for key "Nope"']);
    assert.deepEqual(run('{{index .Args 5}}', CONTAINER).errors, ['template parsing error: template: :1:2: executing "" at <index .Args 5>: error calling index: index out of range: 5']);
  });

  it('keeps missingkey=error for later elements once a fallback happened', () => {
    const withX = { ...CONTAINER, Config: { ...CONTAINER.Config, Labels: { x: 'y' } } };
    const format = '{{if .Config.Labels.x}}{{.Id}}{{else}}no{{end}}';
    assert.equal(run(format, CONTAINER).out, 'no\n');
    const result = run(format, withX, CONTAINER);
    assert.equal(result.out, `${CONTAINER.Id}\n`);
    assert.deepEqual(result.errors, ['template parsing error: template: :1:12: executing "" at <.Config.Labels.x>: map has no entry for key "x"']);
  });

  it('rejects a bad template before inspecting anything', () => {
    assert.throws(() => InspectTemplate.parse('{{.Config'), (e: unknown) => e instanceof TemplateError && e.message === 'template parsing error: template: :1: unclosed action');
  });
});
