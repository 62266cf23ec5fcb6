// Reads a socket in the pieces the daemon protocol has (a length line, a header, the rest up to the end),
// whatever sizes the data arrives in.

import type { Socket } from 'node:net';

/** Buffers what a socket receives and hands it out by line, by length or to the end. */
export class SocketReader {
  private data = Buffer.alloc(0);
  private chunks: Buffer[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.poke();
    });
    const end = () => {
      this.ended = true;
      this.poke();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private collect(): void {
    if (this.chunks.length === 0) return;
    this.data = Buffer.concat([this.data, ...this.chunks]);
    this.chunks = [];
  }

  private async more(): Promise<boolean> {
    if (this.chunks.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    const got = this.chunks.length > 0;
    this.collect();
    return got;
  }

  /** The next line without its newline; undefined if the socket ends first or the line grows past `max` bytes. */
  async line(max = 64): Promise<string | undefined> {
    for (;;) {
      this.collect();
      const nl = this.data.indexOf(0x0a);
      if (nl >= 0) {
        const line = this.data.subarray(0, nl).toString('latin1');
        this.data = this.data.subarray(nl + 1);
        return line;
      }
      if (this.data.length > max || !(await this.more())) return undefined;
    }
  }

  /** Exactly `n` bytes; undefined if the socket ends first. */
  async bytes(n: number): Promise<Buffer | undefined> {
    for (;;) {
      this.collect();
      if (this.data.length >= n) {
        const out = this.data.subarray(0, n);
        this.data = this.data.subarray(n);
        return out;
      }
      if (!(await this.more())) return undefined;
    }
  }

  /** Everything up to the end of what the peer sends. */
  async rest(): Promise<Buffer> {
    while (await this.more());
    const out = this.data;
    this.data = Buffer.alloc(0);
    return out;
  }
}
