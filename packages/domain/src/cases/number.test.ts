import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from './number.ts';

describe('case numbers (办件编号)', () => {
  it('carry the region code and the date, are 25 characters, and read back', () => {
    const n = formatCaseNumber({ regionCode: '1301', date: '2026-11-27', serial: 12345 });
    expect(n).toMatch(/^130100202611270000012345[\dX]$/);
    expect(n.length).toBeLessThanOrEqual(50);
    expect(parseCaseNumber(n)).toEqual({ regionCode: '130100', date: '2026-11-27', serial: 12345 });
  });

  it('a mistyped digit or a swapped pair is caught by the check character', () => {
    const n = formatCaseNumber({ regionCode: '130123', date: '2026-11-27', serial: 987654 });
    for (let i = 0; i < 24; i++) {
      const typo = n.slice(0, i) + String((Number(n[i]) + 1) % 10) + n.slice(i + 1);
      expect(parseCaseNumber(typo), `digit ${i}`).toBeNull();
    }
    const swapped = n.slice(0, 20) + n[21] + n[20] + n.slice(22);
    if (swapped !== n) expect(parseCaseNumber(swapped)).toBeNull();
  });

  it('different serials never give the same number', () => {
    const seen = new Set(Array.from({ length: 5000 }, (_, i) => formatCaseNumber({ regionCode: '1301', date: '2026-11-27', serial: i + 1 })));
    expect(seen.size).toBe(5000);
  });

  it('refuses malformed input', () => {
    expect(parseCaseNumber('abc')).toBeNull();
    expect(parseCaseNumber('1301002026023000000123451')).toBeNull(); // 2026-02-30
    expect(() => formatCaseNumber({ regionCode: '1301', date: '2026-11-27', serial: 0 })).toThrow();
  });
});
