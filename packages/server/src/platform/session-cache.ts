// Sessions as this server last read them, kept for a few seconds: the look-up (session, account, roles) ran on every
// signed-in request, a round trip each. What the cache may miss, and for how long:
// - expiry: never; each entry keeps its session's expiry and is dropped at that moment;
// - logout, and changes to a staff member (deactivation, roles, name) made through this server: never; the routes
//   that make them forget the session or the subject's sessions once the change has committed;
// - the same changes made through another server, or in the database directly: for at most SESSION_CACHE_MS.
import type { Actor } from './policy.ts';

export const SESSION_CACHE_MS = 5000;
/** Entries beyond this many push out the oldest (a bound on memory, not a tuning knob). */
const MAX_ENTRIES = 10_000;

export interface CachedSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

interface Entry {
  session: CachedSession;
  subjectId: string;
  until: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forget: a look-up that began before one may have read what it forgot, and is not kept. */
  private epoch = 0;

  /** The cached session of a token hash, or undefined when it is not cached, stale, or the session has expired. */
  get(tokenHash: string, now = Date.now()): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > now && entry.session.expiresAt.getTime() > now) return entry.session;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** Marks the start of a database look-up; pass the mark to `set`. */
  mark(): number {
    return this.epoch;
  }

  set(tokenHash: string, subjectId: string, session: CachedSession, mark: number): void {
    if (mark !== this.epoch) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { session, subjectId, until: Date.now() + SESSION_CACHE_MS });
  }

  /** After logout: the session is gone. */
  forgetToken(tokenHash: string): void {
    this.epoch++;
    this.entries.delete(tokenHash);
  }

  /** After a change to who someone is or what they may do: their sessions are read again. */
  forgetSubject(subjectId: string): void {
    this.epoch++;
    for (const [tokenHash, entry] of this.entries) if (entry.subjectId === subjectId) this.entries.delete(tokenHash);
  }
}
