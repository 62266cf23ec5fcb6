// `docker inspect` (containers first, then images, then volumes, as the 20.10 client tries them),
// `docker container inspect`, `docker image inspect`, `docker volume inspect`: JSON indented by four spaces,
// or a Go template per object with -f; missing objects print "[]" and docker's error.

import type { Daemon } from '../../daemon.js';
import { goQuote } from '../../../../go/quote.js';
import { containerJson, containerSizes } from '../../container/inspect-json.js';
import { imageJson } from '../../image/inspect-json.js';
import { volumeJson } from '../../volume/volume-store.js';
import { goJsonIndent } from '../format/go-json.js';
import { TemplateError } from '../format/go-template.js';
import { InspectTemplate, inspectStdout } from '../format/inspect-format.js';
import { familiarRef, lookupImage } from '../image-ref.js';
import { flagBool, flagString, Output, type ParsedCommand } from '../command-io.js';

type Kind = 'container' | 'image' | 'volume' | 'any';

/** The inspect object of a container, image or volume, or undefined. */
export function inspectObject(daemon: Daemon, kind: Kind, name: string, withSize = false): Record<string, unknown> | undefined {
  if (kind === 'container' || kind === 'any') {
    const c = daemon.findContainer(name);
    if (c) return containerJson(c, withSize ? containerSizes(c, daemon.images.get(c.imageId)) : undefined);
  }
  if (kind === 'image' || kind === 'any') {
    const image = lookupImage(daemon, name);
    if (image) return imageJson(image, daemon.images.refsOf(image.id), daemon.images.lastTagTime(image.id));
  }
  if (kind === 'volume' || kind === 'any') {
    const v = daemon.volumes.get(name);
    if (v) return volumeJson(v);
  }
  return undefined;
}

// the --type values the 20.10 client accepts (cli/command/system/inspect.go)
const INSPECT_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

/** Any of the inspect commands; `kind` comes from the command typed (or --type). */
export function inspect(daemon: Daemon, cmd: ParsedCommand, kind: Kind): Output {
  const out = new Output();
  const type = flagString(cmd, 'type');
  if (type && !INSPECT_TYPES.includes(type)) return out.err(`${goQuote(type)} is not a valid value for --type\n`, 1);
  // no network exists in the simulator but for the engine's own, which `inspect` of a container never needs
  if (type === 'network') {
    for (const name of cmd.args) out.err(`Error: No such network: ${name}\n`, 1);
    return out.out(flagString(cmd, 'format') ? '\n' : '[]\n');
  }
  if (type) kind = type as Kind;
  const format = flagString(cmd, 'format');
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const name of cmd.args) {
    const object = inspectObject(daemon, kind, name, flagBool(cmd, 'size'));
    if (object) found.push(object);
    else errors.push(missing(kind, name));
  }
  if (format) {
    let template: InspectTemplate;
    try {
      template = InspectTemplate.parse(format);
    } catch (error) {
      if (error instanceof TemplateError) return out.err(`${error.message}\n`, 64);
      throw error;
    }
    const lines: string[] = [];
    // docker volume inspect's getter gives no raw JSON to fall back on (docker inspect's does)
    const opts = cmd.typed[0] === 'volume' ? { rootType: 'types.Volume', rawFallback: false } : {};
    for (const object of found) {
      try {
        lines.push(template.inspect(object, opts));
      } catch (error) {
        if (error instanceof TemplateError) return out.out(inspectStdout(lines)).err(`${error.message}\n`, 1);
        throw error;
      }
    }
    out.out(found.length || errors.length === 0 ? inspectStdout(lines) : '\n');
  } else {
    out.out(`${found.length ? goJsonIndent(found) : '[]'}\n`);
  }
  for (const e of errors) out.err(`${e}\n`, 1);
  return out;
}

function missing(kind: Kind, name: string): string {
  switch (kind) {
    case 'container':
      return `Error: No such container: ${name}`;
    case 'image': {
      const r = familiarRef(name);
      return 'error' in r && !/^[0-9a-f]+$/.test(name)
        ? `Error response from daemon: no such image: ${name}: ${r.error}`
        : `Error: No such image: ${name}`;
    }
    case 'volume':
      return `Error: No such volume: ${name}`;
    default:
      return `Error: No such object: ${name}`;
  }
}
