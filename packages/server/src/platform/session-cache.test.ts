import { describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS, SessionCache, type CachedSession } from './session-cache.ts';

const session = (expiresIn: number): CachedSession => ({
  actor: { kind: 'staff', id: 's1', name: '李窗口', roles: [] },
  csrfToken: 'csrf',
  expiresAt: new Date(Date.now() + expiresIn),
});

describe('the session cache', () => {
  it('keeps a session for SESSION_CACHE_MS, then reads it again', () => {
    const cache = new SessionCache();
    cache.set('t1', 's1', session(3_600_000), cache.mark());
    expect(cache.get('t1')).toBeDefined();
    expect(cache.get('t1', Date.now() + SESSION_CACHE_MS + 1)).toBeUndefined();
    expect(cache.get('t1')).toBeUndefined();
  });

  it('never serves a session past its expiry, however recently it was read', () => {
    const cache = new SessionCache();
    cache.set('t1', 's1', session(1000), cache.mark());
    expect(cache.get('t1', Date.now() + 999)).toBeDefined();
    expect(cache.get('t1', Date.now() + 1000)).toBeUndefined();
  });

  it('forgets a session at logout, and every session of someone whose account changed', () => {
    const cache = new SessionCache();
    cache.set('desk', 's1', session(3_600_000), cache.mark());
    cache.set('laptop', 's1', session(3_600_000), cache.mark());
    cache.set('other', 's2', session(3_600_000), cache.mark());
    cache.forgetToken('desk');
    expect([cache.get('desk'), cache.get('laptop')].map(Boolean)).toEqual([false, true]);
    cache.forgetSubject('s1');
    expect([cache.get('laptop'), cache.get('other')].map(Boolean)).toEqual([false, true]);
  });

  it('does not keep a look-up that began before a forget: it may have read what was forgotten', () => {
    const cache = new SessionCache();
    const mark = cache.mark();
    cache.forgetSubject('s1');
    cache.set('t1', 's1', session(3_600_000), mark);
    expect(cache.get('t1')).toBeUndefined();
  });
});
