// The per-keyword argument splitters of buildkit's parser (line_parsers.go). Each instruction's text after the
// keyword and flags is cut into arguments by one of these; variables are not expanded and quotes are kept here
// (expansion happens when the instruction runs).

import { goQuote } from '../../../../go/quote.js';
import { isGoSpace } from './go-text.js';
import { NOT_STRING_ARRAY, parseJsonArgs } from './json-args.js';
import { GO_WHITESPACE_RUN } from './split-command.js';

/** Arguments as a line parser returns them. */
export interface LineArgs {
  readonly args: string[];
  readonly json: boolean;
}

/** A line parser: the rest of the line and the escape token in, arguments out; throws Error with Docker's text. */
export type LineParser = (rest: string, escapeToken: string) => LineArgs;

const shell = (args: string[]): LineArgs => ({ args, json: false });

/**
 * Words separated by blanks; quotes group and are kept, the escape token is kept with the character it
 * escapes (`foo\ bar` stays one word `foo\ bar`).
 */
function parseWords(rest: string, escapeToken: string): string[] {
  const chars = [...rest];
  const words: string[] = [];
  let word = '';
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  for (let i = 0; i <= chars.length; i++) {
    const atEnd = i === chars.length;
    let ch = atEnd ? '' : chars[i];
    if (phase === 'spaces') {
      if (atEnd) break;
      if (isGoSpace(ch.codePointAt(0) as number)) continue;
      phase = 'word';
    }
    if (atEnd) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch.codePointAt(0) as number)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escapeToken) {
        if (i + 1 === chars.length) continue;
        // Unquoted, the escape token and what it escapes (even a quote) are both kept.
        word += ch;
        i++;
        ch = chars[i];
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    // Inside single quotes nothing can be escaped.
    if (ch === escapeToken && quote !== "'") {
      if (i + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      i++;
      word += ch;
      ch = chars[i];
    }
    word += ch;
  }
  return words;
}

/** buildkit's reWhitespace.Split(s, -1). */
function splitOnBlanks(s: string): string[] {
  return s.split(GO_WHITESPACE_RUN);
}

/** ENV and LABEL: `k=v k2="v 2"` pairs, or the legacy `k v w` (one key, the rest of the line as its value). */
function nameValParser(keyword: 'ENV' | 'LABEL'): LineParser {
  return (rest, escapeToken) => {
    const words = parseWords(rest, escapeToken);
    if (words.length === 0) return shell([]);
    if (!words[0].includes('=')) {
      const blank = GO_WHITESPACE_RUN.exec(rest);
      if (blank === null) throw new Error(`${keyword} must have two arguments`);
      return shell([rest.slice(0, blank.index), rest.slice(blank.index + blank[0].length), '']);
    }
    const args: string[] = [];
    for (const word of words) {
      const eq = word.indexOf('=');
      if (eq < 0) {
        throw new Error(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
      }
      args.push(word.slice(0, eq), word.slice(eq + 1), '=');
    }
    return shell(args);
  };
}

/** ARG: each word as it is (`name`, `name=value`, quotes kept). */
const parseNameOrNameVal: LineParser = (rest, escapeToken) => shell(parseWords(rest, escapeToken));

/** FROM and EXPOSE: split on ASCII blanks. */
const parseStringsWhitespaceDelimited: LineParser = (rest) => shell(rest === '' ? [] : splitOnBlanks(rest));

/** MAINTAINER, USER, WORKDIR, STOPSIGNAL: the whole rest as one argument. */
const parseString: LineParser = (rest) => shell(rest === '' ? [] : [rest]);

/** RUN, CMD, ENTRYPOINT, SHELL: a JSON array, or else the whole rest as one shell-form argument. */
const parseMaybeJson: LineParser = (rest) => {
  if (rest === '') return shell([]);
  const parsed = parseJsonArgs(rest);
  if (parsed.kind === 'array') return { args: parsed.values, json: true };
  if (parsed.kind === 'not-strings') throw new Error(NOT_STRING_ARRAY);
  return shell([rest]);
};

/** COPY, ADD, VOLUME: a JSON array, or else blank-separated words. */
const parseMaybeJsonToList: LineParser = (rest, escapeToken) => {
  const parsed = parseJsonArgs(rest);
  if (parsed.kind === 'array') return { args: parsed.values, json: true };
  if (parsed.kind === 'not-strings') throw new Error(NOT_STRING_ARRAY);
  return parseStringsWhitespaceDelimited(rest, escapeToken);
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** HEALTHCHECK: a type word (`CMD`, `NONE`) then, like CMD, a JSON array or a shell string. */
const parseHealthConfig: LineParser = (rest, escapeToken) => {
  // Go looks at single bytes here, so only ASCII blanks (and the bytes 0x85/0xA0) end the type word.
  const bytes = encoder.encode(rest);
  const isBlank = (b: number): boolean => (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0x85 || b === 0xa0;
  let sep = 0;
  while (sep < bytes.length && !isBlank(bytes[sep])) sep++;
  let next = sep;
  while (next < bytes.length && isBlank(bytes[next])) next++;
  if (sep === 0) return shell([]);
  const type = decoder.decode(bytes.subarray(0, sep));
  const command = parseMaybeJson(decoder.decode(bytes.subarray(next)), escapeToken);
  return { args: [type, ...command.args], json: command.json };
};

/** buildkit's dispatch table: lower-cased keyword → argument splitter. ONBUILD is handled by the parser itself. */
export const LINE_PARSERS: Readonly<Record<string, LineParser>> = {
  add: parseMaybeJsonToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJson,
  copy: parseMaybeJsonToList,
  entrypoint: parseMaybeJson,
  env: nameValParser('ENV'),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: nameValParser('LABEL'),
  maintainer: parseString,
  run: parseMaybeJson,
  shell: parseMaybeJson,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJsonToList,
  workdir: parseString,
};

/** Unknown keywords keep one empty argument, as buildkit's parseIgnore leaves an empty node behind. */
export const parseIgnore: LineParser = () => shell(['']);
