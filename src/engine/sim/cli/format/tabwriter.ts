// Go's text/tabwriter (elastic tabstops), which docker pipes every table through with
// NewWriter(out, 10, 1, 3, ' ', 0): a column is as wide as its widest cell plus 3, at least 10, cells are
// measured in runes (so `…` and 中文 count as one), and the last cell of a line is not padded — except that
// an empty last column still pads the cell before it (the trailing spaces after `0B` in `docker history`).

/** Formatting flags, as in Go. */
export const TabFlags = {
  AlignRight: 4,
  DiscardEmptyColumns: 8,
  TabIndent: 16,
  Debug: 32,
} as const;

/** tabwriter.NewWriter's parameters. */
export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  flags: number;
}

/** The settings of docker/cli's formatter tables. */
export const DOCKER_TABLE: TabWriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ', flags: 0 };

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

function runeCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch) n++;
  return n;
}

/** A tabwriter.Writer: write() text with tab-terminated cells, then flush() to get the aligned output. */
export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];

  constructor(private readonly opts: TabWriterOptions = DOCKER_TABLE) {}

  /** Add text; lines made of a single cell flush what came before, as in Go. */
  write(text: string): void {
    for (const ch of text) {
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') {
        this.cell += ch;
        continue;
      }
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || ncells === 1) this.flushLines();
      }
    }
  }

  /** Format everything written so far and return the whole output. */
  flush(): string {
    this.flushLines();
    const out = this.out;
    this.out = '';
    return out;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1] as Cell[];
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private flushLines(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private padding(textw: number, cellw: number, useTabs: boolean): string {
    if (this.opts.padchar === '\t' || useTabs) {
      if (this.opts.tabwidth === 0) return '';
      const tw = this.opts.tabwidth;
      const w = Math.ceil(cellw / tw) * tw;
      return '\t'.repeat(Math.ceil((w - textw) / tw));
    }
    return this.opts.padchar.repeat(Math.max(cellw - textw, 0));
  }

  private writeLines(line0: number, line1: number): void {
    const { flags } = this.opts;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] as Cell[];
      let useTabs = (flags & TabFlags.TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && (flags & TabFlags.Debug) !== 0) this.out += '|';
        const w = this.widths[j];
        if (c.text.length === 0) {
          if (w !== undefined) this.out += this.padding(c.width, w, useTabs);
          return;
        }
        useTabs = false;
        const pad = w === undefined ? '' : this.padding(c.width, w, false);
        this.out += (flags & TabFlags.AlignRight) === 0 ? c.text + pad : pad + c.text;
      });
      if (i + 1 === this.lines.length) this.out += this.cell;
      else this.out += '\n';
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      const line = this.lines[row] as Cell[];
      if (column >= line.length - 1) continue;
      // a column block starts here: print what precedes, size the block, then format its right side
      this.writeLines(line0, row);
      line0 = row;
      let width = this.opts.minwidth;
      let discardable = true;
      for (; row < line1; row++) {
        const cells = this.lines[row] as Cell[];
        if (column >= cells.length - 1) break;
        const c = cells[column] as Cell;
        width = Math.max(width, c.width + this.opts.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && (this.opts.flags & TabFlags.DiscardEmptyColumns) !== 0) width = 0;
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row; // the line that ended the block has no cell in this column, so skipping it is safe
    }
    this.writeLines(line0, line1);
  }
}

/** Align a whole text at once with docker's table settings. */
export function tabulate(text: string, opts: TabWriterOptions = DOCKER_TABLE): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
