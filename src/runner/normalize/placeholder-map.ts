// Stable placeholders for values that differ between two runs (IDs, generated names): each distinct value gets
// `<LABELn>` in order of first appearance, so two outputs compare equal exactly when they refer to the same
// objects in the same places. Two maps can share one counter (the two sides of a comparison).

/** One distinct value and the forms it was seen in. */
interface Entry {
  placeholder: string;
  /** every form seen (a full ID, its 12-char short form, a shortened `…` form) */
  forms: Set<string>;
  /** the longest form seen: the best guess of the full value */
  longest: string;
}

/** Hands out placeholder numbers; shared by the two maps of a comparison. */
class PlaceholderCounter {
  private n = 0;

  next(): number {
    return ++this.n;
  }
}

/** Assigns placeholders by first appearance; with prefix matching, `1a7a0d57b9f1` and its 64-hex form are one value. */
export class PlaceholderMap {
  private readonly entries = new Map<string, Entry>();
  private readonly byForm = new Map<string, Entry>();

  constructor(
    readonly label: string,
    /** shortest prefix that identifies a value (12 for docker IDs); 0 turns prefix matching off */
    private readonly minPrefix = 0,
    private readonly counter = new PlaceholderCounter(),
  ) {}

  /** The placeholder of a value, assigning the next one for a value never seen. */
  placeholderFor(value: string): string {
    return this.lookup(value) ?? this.bind(value, `<${this.label}${this.counter.next()}>`);
  }

  /** The placeholder of a value already seen, without assigning one. */
  lookup(value: string): string | undefined {
    const found = this.find(value);
    if (found) this.remember(found, value);
    return found?.placeholder;
  }

  /** Records `value` under a given placeholder (a value first seen on the other side of a comparison). */
  bind(value: string, placeholder: string): string {
    let entry = this.entries.get(placeholder);
    if (!entry) {
      entry = { placeholder, forms: new Set(), longest: value };
      this.entries.set(placeholder, entry);
    }
    this.remember(entry, value);
    return placeholder;
  }

  /** True when some value has this placeholder. */
  has(placeholder: string): boolean {
    return this.entries.has(placeholder);
  }

  /** The longest form seen for a placeholder. */
  valueOf(placeholder: string): string | undefined {
    return this.entries.get(placeholder)?.longest;
  }

  get size(): number {
    return this.entries.size;
  }

  private find(value: string): Entry | undefined {
    const exact = this.byForm.get(value);
    if (exact || this.minPrefix === 0 || value.length < this.minPrefix) return exact;
    for (const entry of this.entries.values()) {
      for (const form of entry.forms) {
        if (form.length >= this.minPrefix && (form.startsWith(value) || value.startsWith(form))) return entry;
      }
    }
    return undefined;
  }

  private remember(entry: Entry, value: string): void {
    entry.forms.add(value);
    this.byForm.set(value, entry);
    if (value.length > entry.longest.length) entry.longest = value;
  }
}

/**
 * The placeholders of the two sides of a comparison. Values seen at the same place in both outputs share a
 * placeholder; a value seen on one side only gets its own number, and is paired with the other side's value the
 * first time both show up at the same place. One divergence therefore does not shift every later number.
 */
export class PairedPlaceholders {
  private readonly counter = new PlaceholderCounter();
  readonly left: PlaceholderMap;
  readonly right: PlaceholderMap;

  constructor(label: string, minPrefix = 0) {
    this.left = new PlaceholderMap(label, minPrefix, this.counter);
    this.right = new PlaceholderMap(label, minPrefix, this.counter);
  }

  /** Placeholders of two values found at the same place on the left and on the right. */
  pair(left: string, right: string): [string, string] {
    const l = this.left.lookup(left);
    const r = this.right.lookup(right);
    if (l && r) return [l, r];
    if (l) return [l, this.right.has(l) ? this.right.placeholderFor(right) : this.right.bind(right, l)];
    if (r) return [this.left.has(r) ? this.left.placeholderFor(left) : this.left.bind(left, r), r];
    const p = this.left.placeholderFor(left);
    return [p, this.right.bind(right, p)];
  }
}
