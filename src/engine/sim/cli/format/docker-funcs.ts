// The functions docker/cli's templates package adds to every `--format` template (json, split, join, title,
// lower, upper, pad, truncate), and the stand-ins it uses while rendering a table header so that
// `table {{json .Names}}` still prints the column name.

import { JsonUnsupportedError, goJson } from './go-json.js';
import { fromUtf8, goSlice, utf8Bytes } from './go-value.js';
import { GoCallError } from './template-error.js';
import type { FuncMap } from './template-funcs.js';

/** strings.Title: upper-case the first letter of each word (words split at anything but letters, digits, _). */
function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

/** strings.Split: an empty separator splits into runes. */
function goSplit(s: string, sep: string): string[] {
  return sep === '' ? [...s] : s.split(sep);
}

/** docker's `json`: compact encoding/json without HTML escaping; an unencodable value prints nothing. */
function dockerJson(v: unknown): string {
  try {
    return goJson(v, false);
  } catch (e) {
    if (e instanceof JsonUnsupportedError) return '';
    throw e;
  }
}

/** docker's templates.basicFunctions. */
export const DOCKER_FUNCS: FuncMap = {
  json: { params: ['any'], call: dockerJson },
  split: { params: ['string', 'string'], call: (s, sep) => goSlice(goSplit(s as string, sep as string), '[]string') },
  join: { params: ['strings', 'string'], call: (items, sep) => (Array.isArray(items) ? items.join(sep as string) : '') },
  title: { params: ['string'], call: (s) => goTitle(s as string) },
  lower: { params: ['string'], call: (s) => (s as string).toLowerCase() },
  upper: { params: ['string'], call: (s) => (s as string).toUpperCase() },
  pad: {
    params: ['string', 'int', 'int'],
    call: (s, prefix, suffix) => {
      if (s === '') return '';
      if ((prefix as number) < 0 || (suffix as number) < 0) throw new GoCallError('strings: negative Repeat count');
      return ' '.repeat(prefix as number) + s + ' '.repeat(suffix as number);
    },
  },
  truncate: {
    params: ['string', 'int'],
    call: (s, n) => {
      const bytes = utf8Bytes(s as string);
      if ((n as number) < 0) throw new GoCallError(`runtime error: slice bounds out of range [:${n as number}]`);
      return bytes.length < (n as number) ? s : fromUtf8(bytes.slice(0, n as number));
    },
  },
};

const identity = (s: unknown): unknown => s;

/** docker's templates.HeaderFunctions: keep the header text intact whatever the cell template does to it. */
export const HEADER_FUNCS: FuncMap = {
  json: { params: ['string'], call: identity },
  split: { params: ['string', 'string'], call: identity },
  join: { params: ['string', 'string'], call: identity },
  title: { params: ['string'], call: identity },
  lower: { params: ['string'], call: identity },
  upper: { params: ['string'], call: identity },
  truncate: { params: ['string', 'int'], call: identity },
};
