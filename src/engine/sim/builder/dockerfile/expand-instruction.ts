// Expands an instruction's words just before it runs, as Docker 20.10's legacy builder does in dispatch():
// each word of ENV, ARG, LABEL, WORKDIR, COPY/ADD (sources, destination, --chown), USER, VOLUME and STOPSIGNAL
// goes through processWord (so quotes disappear), EXPOSE through processWords (one word may give several
// ports), FROM's image and --platform with the meta args. RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK,
// MAINTAINER and ONBUILD are left alone: their text is for the shell or for later.

import { ExpansionError, type LexOptions, type ShellEnv, processWord, processWords } from './expand.js';
import type { Instruction, KeyValue } from './instruction-types.js';

/** A copy of `instruction` with its words expanded; throws ExpansionError with Docker's text. */
export function expandInstruction<T extends Instruction>(instruction: T, env: ShellEnv, options: LexOptions = {}): T {
  const word = (w: string): string => processWord(w, env, options);
  const pairs = (list: readonly KeyValue[]): KeyValue[] =>
    list.map(({ key, value }) => ({ key: word(key), value: word(value) }));
  const i: Instruction = instruction;
  switch (i.kind) {
    case 'ENV':
      return { ...i, env: pairs(i.env) } as T;
    case 'LABEL':
      return { ...i, labels: pairs(i.labels) } as T;
    case 'ARG':
      return {
        ...i,
        args: i.args.map(({ key, value }) => ({ key: word(key), value: value === undefined ? undefined : word(value) })),
      } as T;
    case 'WORKDIR':
      return { ...i, path: word(i.path) } as T;
    case 'USER':
      return { ...i, user: word(i.user) } as T;
    case 'STOPSIGNAL':
      return { ...i, signal: word(i.signal) } as T;
    case 'VOLUME':
      return { ...i, volumes: i.volumes.map(word) } as T;
    case 'COPY':
    case 'ADD':
      // --from and --chmod are not expanded by 20.10.
      return { ...i, chown: word(i.chown), sources: i.sources.map(word), dest: word(i.dest) } as T;
    case 'EXPOSE':
      return { ...i, ports: i.ports.flatMap((p) => processWords(p, env, options)) } as T;
    case 'FROM':
      return expandFrom(i, word) as T;
    default:
      return instruction;
  }
}

function expandFrom(
  i: Extract<Instruction, { kind: 'FROM' }>,
  word: (w: string) => string,
): Extract<Instruction, { kind: 'FROM' }> {
  let platform = i.platform;
  if (platform !== '') {
    try {
      platform = word(platform);
    } catch (err) {
      throw new ExpansionError(`failed to process arguments for platform ${platform}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  const image = word(i.image);
  // An empty name would silently mean `scratch`.
  if (image === '') throw new ExpansionError(`base name (${i.image}) should not be blank`);
  return { ...i, image, platform };
}
