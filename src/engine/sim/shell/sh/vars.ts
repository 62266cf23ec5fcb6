// Shell variables stored the way ash stores them: a 39-bucket hash table with new names pushed at the head of
// their bucket. The layout matters because ash builds a child's environment by walking that table, so `env`
// run from a script prints variables in ash's order, not in insertion or alphabetical order.

/** One shell variable; `value` undefined means declared (exported/readonly/local) but unset. */
export interface ShellVar {
  name: string;
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
}

const VTABSIZE = 39;

// ash's hashvar(): first byte << 4 plus every byte of the name.
const encoder = new TextEncoder();
// Variable names repeat across every shell a scenario starts (PATH, HOME, …): remember their buckets.
const buckets = new Map<string, number>();

function bucketOf(name: string): number {
  let bucket = buckets.get(name);
  if (bucket === undefined) {
    const bytes = encoder.encode(name);
    let h = (bytes[0] ?? 0) << 4;
    for (const b of bytes) h += b;
    bucket = h % VTABSIZE;
    if (buckets.size < 10_000) buckets.set(name, bucket);
  }
  return bucket;
}

/** The variable table of one shell (a subshell gets a copy). */
export class VarStore {
  private buckets: ShellVar[][] = Array.from({ length: VTABSIZE }, () => []);

  get(name: string): ShellVar | undefined {
    return this.buckets[bucketOf(name)]?.find((v) => v.name === name);
  }

  value(name: string): string | undefined {
    return this.get(name)?.value;
  }

  /** Sets a value (creating the variable at the head of its bucket); readonly checks are the caller's. */
  set(name: string, value: string | undefined, flags: { exported?: boolean; readonly?: boolean } = {}): ShellVar {
    let v = this.get(name);
    if (!v) {
      v = { name, value, exported: false, readonly: false };
      this.buckets[bucketOf(name)]?.unshift(v);
    } else {
      v.value = value;
    }
    if (flags.exported) v.exported = true;
    if (flags.readonly) v.readonly = true;
    return v;
  }

  /** Removes a variable entirely. */
  delete(name: string): void {
    const bucket = this.buckets[bucketOf(name)];
    if (!bucket) return;
    const i = bucket.findIndex((v) => v.name === name);
    if (i !== -1) bucket.splice(i, 1);
  }

  /** Every variable in table order (the order of a child's environment). */
  list(): ShellVar[] {
    return this.buckets.flat();
  }

  /** The environment handed to a child process: exported, set variables in table order. */
  environment(): Map<string, string> {
    const env = new Map<string, string>();
    for (const v of this.list()) if (v.exported && v.value !== undefined) env.set(v.name, v.value);
    return env;
  }

  /** A deep copy for a subshell. */
  clone(): VarStore {
    const copy = new VarStore();
    copy.buckets = this.buckets.map((b) => b.map((v) => ({ ...v })));
    return copy;
  }
}
