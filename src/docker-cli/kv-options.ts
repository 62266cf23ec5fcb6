// `-e`/`--env`, `--build-arg` and `--label` values as docker's opts package checks and expands them: `-e K`
// takes K's value from the environment of the docker client, and a bad value is a flag error.

/** The docker client's environment (process.env of the shell that ran `docker`). */
export type ClientEnv = Readonly<Record<string, string | undefined>>;

/** opts.ValidateEnv: `K=V` stays, `K` becomes `K=<value>` when the client has K, else stays `K`. */
export function validateEnv(val: string, env: ClientEnv = {}): { ok: true; value: string } | { ok: false; error: string } {
  const eq = val.indexOf('=');
  const key = eq < 0 ? val : val.slice(0, eq);
  if (key === '') return { ok: false, error: `invalid environment variable: ${val}` };
  if (eq >= 0) return { ok: true, value: val };
  const fromClient = env[key];
  return { ok: true, value: fromClient === undefined ? val : `${key}=${fromClient}` };
}

/** opts.ValidateLabel: the key may not be empty or contain blanks; the value is free. */
export function validateLabel(val: string): { ok: true; value: string } | { ok: false; error: string } {
  const eq = val.indexOf('=');
  const key = (eq < 0 ? val : val.slice(0, eq)).replace(/^[ \t]+/, '');
  if (key === '') return { ok: false, error: `invalid label '${val}': empty name` };
  if (/[ \t]/.test(key)) return { ok: false, error: `label '${key}' contains whitespaces` };
  return { ok: true, value: val };
}

/** opts.ConvertKVStringsToMap: ["a=b", "c"] → {a: "b", c: ""}; later keys win (labels). */
export function kvStringsToMap(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) out[v] = '';
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}
