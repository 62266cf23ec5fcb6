// pins.yaml, next to an exercise.yaml: the score each submission folder in submissions/ must get, so that a
// teacher's change to a check cannot silently change what a known mistake costs. `full` is the exercise's
// whole max score (the reference's pin). Read with positions: a bad pin is reported as file:line:col.

import { readFile } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** One pin: a submission folder's name and the score it must get. */
export interface Pin {
  submission: string;
  score: number | 'full';
  line: number;
}

/** The pins file's name. */
export const PINS_FILE = 'pins.yaml';

/** Reads a pins file: its pins, or the problems found (each `file:line:col: message`). */
export async function readPins(path: string, display = path): Promise<{ pins: Pin[]; problems: string[] } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined): string => {
    const p = lines.linePos(offset ?? 0);
    return `${display}:${p.line}:${p.col}`;
  };
  const problems = doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`);
  if (problems.length > 0) return { pins: [], problems };
  const pins: Pin[] = [];
  if (doc.contents === null) return { pins, problems };
  if (!isMap(doc.contents)) return { pins, problems: [`${at(doc.contents.range?.[0])}: pins.yaml must be a mapping of submission folder names to scores (reference: full, missing-tag: 3)`] };
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : undefined;
    const start = isScalar(item.key) ? item.key.range?.[0] : undefined;
    const value = isScalar(item.value) ? item.value.value : undefined;
    if (key === undefined) {
      problems.push(`${at(start)}: a pin's name must be a submission folder's name`);
      continue;
    }
    if (value === 'full' || (typeof value === 'number' && Number.isFinite(value) && value >= 0)) pins.push({ submission: key, score: value, line: lines.linePos(start ?? 0).line });
    else problems.push(`${at(isScalar(item.value) ? item.value.range?.[0] : start)}: the pin of ${key} must be a number of points or full, not ${JSON.stringify(value ?? null)}`);
  }
  return { pins, problems };
}
