// `-p`/`--publish` and `--expose` as docker 20.10's CLI turns them into Config.ExposedPorts and
// HostConfig.PortBindings (go-connections/nat, cli/command/container/opts.go). Errors are the CLI's own texts,
// returned raw: `docker run` prints "docker: <text>." + "See 'docker run --help'." (exit 125).

import { parseGoDecimalUint } from './go-strconv.js';
import { isValidIP, splitHostPort } from './ip-address.js';

/** One host binding of a container port, as in HostConfig.PortBindings. */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

/** Ports keyed "8080/tcp", as the Docker API keys them. */
export interface PublishedPorts {
  exposedPorts: Record<string, Record<string, never>>;
  portBindings: Record<string, PortBinding[]>;
}

/** nat.ParsePortRange: "8000-8010" → [8000, 8010]. */
function parsePortRange(ports: string): { ok: true; start: number; end: number } | { ok: false; error: string } {
  if (ports === '') return { ok: false, error: 'Empty string specified for ports.' };
  const parts = ports.split('-');
  const start = parseGoDecimalUint(parts[0] ?? '', 16);
  if (!start.ok) return start;
  if (parts.length === 1) return { ok: true, start: start.value, end: start.value };
  const end = parseGoDecimalUint(parts[1] ?? '', 16);
  if (!end.ok) return end;
  if (end.value < start.value) return { ok: false, error: `Invalid range specified for the Port: ${ports}` };
  return { ok: true, start: start.value, end: end.value };
}

// nat.SplitProtoPort: "80/udp" → ["udp", "80"]; protocol defaults to tcp.
function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw === '' || parts[0] === '') return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1] === '') return ['tcp', parts[0] ?? ''];
  return [parts[1] ?? '', parts[0] ?? ''];
}

// nat's splitParts: ip may itself contain colons (IPv6), the last two parts are host and container port.
function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  const n = parts.length;
  const ctr = parts[n - 1] ?? '';
  if (n === 1) return ['', '', ctr];
  if (n === 2) return ['', parts[0] ?? '', ctr];
  if (n === 3) return [parts[0] ?? '', parts[1] ?? '', ctr];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2] ?? '', ctr];
}

// convertToStandardNotation: "target=80,published=8080,protocol=udp" → "8080:80/udp".
function standardNotation(publish: string): { ok: true; spec: string } | { ok: false; error: string } {
  if (!publish.includes('=')) return { ok: true, spec: publish };
  const params: Record<string, string> = { protocol: 'tcp' };
  for (const param of publish.split(',')) {
    const opt = param.split('=');
    if (opt.length < 2) return { ok: false, error: `invalid publish opts format (should be name=value but got '${param}')` };
    params[opt[0] ?? ''] = opt[1] ?? '';
  }
  return { ok: true, spec: `${params['published'] ?? ''}:${params['target'] ?? ''}/${params['protocol'] ?? ''}` };
}

type Mapping = { port: string; binding: PortBinding };

/** nat.ParsePortSpec: one `-p` value → one mapping per container port. */
function parsePortSpec(rawPort: string): { ok: true; mappings: Mapping[] } | { ok: false; error: string } {
  const [rawIP, hostPortSpec, ctrSpec] = splitParts(rawPort);
  const [proto, containerPort] = splitProtoPort(ctrSpec);
  const hp = splitHostPort(rawIP + ':');
  if (!hp.ok) return { ok: false, error: `Invalid ip address ${rawIP}: ${hp.error}` };
  const ip = hp.host;
  if (ip !== '' && !isValidIP(ip)) return { ok: false, error: `Invalid ip address: ${ip}` };
  if (containerPort === '') return { ok: false, error: `No port specified: ${rawPort}<empty>` };
  const ctr = parsePortRange(containerPort);
  if (!ctr.ok) return { ok: false, error: `Invalid containerPort: ${containerPort}` };
  let [hostStart, hostEnd] = [0, 0];
  if (hostPortSpec !== '') {
    const host = parsePortRange(hostPortSpec);
    if (!host.ok) return { ok: false, error: `Invalid hostPort: ${hostPortSpec}` };
    [hostStart, hostEnd] = [host.start, host.end];
  }
  if (hostPortSpec !== '' && ctr.end - ctr.start !== hostEnd - hostStart && ctr.end !== ctr.start) {
    return { ok: false, error: `Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPortSpec}` };
  }
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) return { ok: false, error: `Invalid proto: ${proto}` };
  const mappings: Mapping[] = [];
  for (let i = 0; i <= ctr.end - ctr.start; i++) {
    let hostPort = hostPortSpec === '' ? '' : String(hostStart + i);
    if (ctr.start === ctr.end && hostStart !== hostEnd) hostPort = `${hostPort}-${hostEnd}`;
    mappings.push({ port: `${ctr.start + i}/${proto.toLowerCase()}`, binding: { HostIp: ip, HostPort: hostPort } });
  }
  return { ok: true, mappings };
}

/** All `-p` and `--expose` values of one run/create, as docker merges them. */
export function parsePublishedPorts(publish: readonly string[], expose: readonly string[] = []): { ok: true; ports: PublishedPorts } | { ok: false; error: string } {
  const ports: PublishedPorts = { exposedPorts: {}, portBindings: {} };
  for (const raw of publish) {
    const std = standardNotation(raw);
    if (!std.ok) return std;
    const parsed = parsePortSpec(std.spec);
    if (!parsed.ok) return parsed;
    for (const m of parsed.mappings) {
      ports.exposedPorts[m.port] = {};
      (ports.portBindings[m.port] ??= []).push(m.binding);
    }
  }
  for (const e of expose) {
    if (e.includes(':')) return { ok: false, error: `invalid port format for --expose: ${e}` };
    const [proto, port] = splitProtoPort(e);
    const range = parsePortRange(port);
    if (!range.ok) return { ok: false, error: `invalid range format for --expose: ${e}, error: ${range.error}` };
    for (let p = range.start; p <= range.end; p++) ports.exposedPorts[`${p}/${proto}`] = {};
  }
  return { ok: true, ports };
}
