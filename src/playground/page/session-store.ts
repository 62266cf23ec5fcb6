/// <reference lib="dom" />
// The session kept in the browser's localStorage, one key per exercise (and per version of its file, so an
// updated exercise starts afresh): when it began and what the student did, which the worker replays on load.

import type { SessionEvent } from '../protocol.js';

/** What is kept of a session. */
export interface StoredSession {
  createdAt: number;
  events: SessionEvent[];
  student?: string;
}

/** The localStorage of one exercise's session. */
export class SessionStore {
  constructor(private readonly key: string) {}

  load(): StoredSession {
    try {
      const text = localStorage.getItem(this.key);
      if (text) {
        const s = JSON.parse(text) as StoredSession;
        if (typeof s.createdAt === 'number' && Array.isArray(s.events)) return s;
      }
    } catch {
      // storage refused (private mode) or a damaged entry: start afresh
    }
    return { createdAt: Date.now(), events: [] };
  }

  save(session: StoredSession): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(session));
    } catch {
      // full or refused: the session still works, it just will not survive a reload
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing kept, nothing to clear
    }
  }
}
