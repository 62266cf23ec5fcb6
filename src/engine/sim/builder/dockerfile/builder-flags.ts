// The `--name=value` flags of an instruction, checked the way buildkit v0.8's BFlags does (the texts of
// `Unknown flag: x`, `Missing a value on flag: x`, … are Docker's). Each instruction declares the flags it
// knows, then parses.

type FlagType = 'bool' | 'string' | 'strings';

/** One declared flag; read `value` (or `values` for a repeatable one) after parse(). */
export interface BuilderFlag {
  readonly name: string;
  readonly type: FlagType;
  value: string;
  values: string[];
}

/** The flags of one instruction. */
export class BuilderFlags {
  private readonly declared = new Map<string, BuilderFlag>();
  private readonly usedNames: string[] = [];

  constructor(private readonly args: readonly string[]) {}

  /** Declares `--name=value` (default `def`). */
  addString(name: string, def = ''): BuilderFlag {
    return this.add(name, 'string', def);
  }

  /** Declares a repeatable `--name=value`. */
  addStrings(name: string): BuilderFlag {
    return this.add(name, 'strings', '');
  }

  /** Declares `--name` / `--name=true|false`. */
  addBool(name: string, def = false): BuilderFlag {
    return this.add(name, 'bool', def ? 'true' : 'false');
  }

  /** Names of the flags that were given, in the order they first appear. */
  used(): string[] {
    return [...this.usedNames];
  }

  /** Checks the given flags against the declared ones; throws Error with Docker's text. */
  parse(): void {
    for (const arg of this.args) {
      if (!arg.startsWith('--')) throw new Error(`Arg should start with -- : ${arg}`);
      if (arg === '--') return;
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const value = eq >= 0 ? body.slice(eq + 1) : '';
      const flag = this.declared.get(name);
      if (flag === undefined) throw new Error(`Unknown flag: ${name}`);
      const seen = this.usedNames.includes(name);
      if (seen && flag.type !== 'strings') throw new Error(`Duplicate flag specified: ${name}`);
      if (!seen) this.usedNames.push(name);
      if (flag.type === 'bool') {
        if (eq >= 0 && value === '') throw new Error(`Missing a value on flag: ${name}`);
        const lower = value.toLowerCase();
        if (lower === '') flag.value = 'true';
        else if (lower === 'true' || lower === 'false') flag.value = lower;
        else throw new Error(`Expecting boolean value for flag ${name}, not: ${value}`);
      } else {
        if (eq < 0) throw new Error(`Missing a value on flag: ${name}`);
        if (flag.type === 'string') flag.value = value;
        else flag.values.push(value);
      }
    }
  }

  private add(name: string, type: FlagType, value: string): BuilderFlag {
    const flag: BuilderFlag = { name, type, value, values: [] };
    this.declared.set(name, flag);
    return flag;
  }
}
