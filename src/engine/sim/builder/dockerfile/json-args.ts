// The exec form (`CMD ["a", "b"]`) as Docker 20.10 recognises it. buildkit v0.8 reads the arguments with Go's
// json.Decoder, which stops after the first complete JSON value: text after the closing bracket is ignored
// (`CMD ["a"] junk` is exec form). Anything that is not a valid array falls back to shell form; an array with
// a non-string element is an error.

import { trimLeftGoSpace } from './go-text.js';

/** Docker's text for `["a", 1]`. */
export const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** The outcome of trying the exec form. */
export type JsonArgs =
  | { readonly kind: 'array'; readonly values: string[] }
  | { readonly kind: 'not-json' }
  | { readonly kind: 'not-strings' };

/** Tries to read `rest` as a JSON array of strings. */
export function parseJsonArgs(rest: string): JsonArgs {
  const text = trimLeftGoSpace(rest);
  if (!text.startsWith('[')) return { kind: 'not-json' };
  const end = endOfFirstValue(text);
  if (end < 0) return { kind: 'not-json' };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(0, end));
  } catch {
    return { kind: 'not-json' };
  }
  const values: string[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'string') return { kind: 'not-strings' };
    // Go turns an escaped lone surrogate (`"\ud800"`) into U+FFFD; JSON.parse keeps it.
    values.push(item.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
  }
  return { kind: 'array', values };
}

// Index just past the bracket that closes the array opened at 0, or -1 if it never closes.
function endOfFirstValue(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
