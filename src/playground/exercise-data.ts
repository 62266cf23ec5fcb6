// The exercise as the page and its worker receive it: the scenario loaded and validated at build time (yaml and
// ajv stay out of the bundle), turned into plain JSON. Uint8Array and Map do not survive JSON, so they are
// carried as base64 and as entry lists.

import type { Scenario, ScenarioFile } from '../scenario/model.js';

/** One exercise of a built site (null scenario: free play). */
export interface PlaygroundExercise {
  slug: string;
  title: string;
  /** Markdown */
  description: string;
  maxScore: number;
  stepBudget: number;
  submissionAt: number;
  scenario: SerialScenario;
}

/** A Scenario with its Maps and bytes in JSON-safe form. */
export type SerialScenario = Omit<Scenario, 'vars' | 'env' | 'files'> & {
  vars: [string, string][];
  env: [string, string][];
  files: { path: string; base64: string; mode: number }[];
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Buffer or btoa (the same code runs in Node and in a worker). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** The inverse of toBase64. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of clean) {
    value = (value << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

/** A scenario in JSON-safe form. */
export function serialScenario(s: Scenario): SerialScenario {
  return {
    ...s,
    vars: [...s.vars],
    env: [...s.env],
    files: s.files.map((f) => ({ path: f.path, base64: toBase64(f.content), mode: f.mode })),
  };
}

/** The scenario back from its JSON form. */
export function scenarioFromSerial(s: SerialScenario): Scenario {
  const files: ScenarioFile[] = s.files.map((f) => ({ path: f.path, content: fromBase64(f.base64), mode: f.mode }));
  return { ...s, vars: new Map(s.vars), env: new Map(s.env), files };
}
