import { describe, expect, it } from 'vitest';
import { isInRegion, parentRegionCode, regionLevel, usccCheckChar, validateMobile, validateResidentId, validateUscc } from './identifiers.ts';

/** The check character GB 11643 gives a 17-digit body, computed here independently of the code under test. */
function withResidentCheck(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body17[i]), 0);
  return body17 + '10X98765432'[sum % 11];
}

describe('resident ID number (GB 11643)', () => {
  it('accepts a valid number and reads its region and birth date', () => {
    expect(validateResidentId('130102199003075314')).toEqual({ ok: true, birthDate: '1990-03-07', regionCode: '130102' });
  });

  it('accepts the check character X, in either case (the standard’s own example 11010519491231002X)', () => {
    expect(validateResidentId('11010519491231002X').ok).toBe(true);
    expect(validateResidentId('11010519491231002x').ok).toBe(true);
    expect(validateResidentId(' 11010519491231002X ').ok).toBe(true);
  });

  it('refuses a wrong check digit, saying so in Chinese', () => {
    expect(validateResidentId('130102199003075315')).toEqual({ ok: false, reason: '身份证号码校验位不正确，请核对后重新输入' });
    expect(validateResidentId('110105194912310021').ok).toBe(false);
  });

  it('refuses the wrong length or letters other than a final X', () => {
    for (const bad of ['13010219900307531', '1301021990030753144', '13010219900307531A', 'X30102199003075314', '']) {
      const result = validateResidentId(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.reason).toContain('18位');
    }
  });

  it('refuses a birth date that does not exist (30 February, 31 April), even with a correct check digit', () => {
    for (const date of ['19900230', '19900431', '19901301', '19000229']) {
      const result = validateResidentId(withResidentCheck(`130102${date}531`));
      expect(result, date).toEqual({ ok: false, reason: '身份证号码中的出生日期不存在' });
    }
    expect(validateResidentId(withResidentCheck('13010220000229531')).ok).toBe(true); // 2000 was a leap year
  });

  it('refuses a birth date in the future (in Beijing time) or before 1900', () => {
    const today = new Date('2026-03-01T12:00:00+08:00');
    expect(validateResidentId(withResidentCheck('13010220260302531'), today)).toEqual({ ok: false, reason: '身份证号码中的出生日期不合理' });
    expect(validateResidentId(withResidentCheck('13010220260301531'), today).ok).toBe(true);
    // 1 March in Beijing is still 28 February in UTC at 07:00 Beijing time.
    expect(validateResidentId(withResidentCheck('13010220260301531'), new Date('2026-03-01T07:00:00+08:00')).ok).toBe(true);
    expect(validateResidentId(withResidentCheck('13010218991231531'), today).ok).toBe(false);
  });

  it('refuses a region prefix that cannot be a region code', () => {
    expect(validateResidentId(withResidentCheck('03010219900307531')).ok).toBe(false);
    expect(validateResidentId(withResidentCheck('93010219900307531')).ok).toBe(false);
  });
});

describe('unified social credit code (GB 32100)', () => {
  const body = '91130100MA0DEM001';
  const valid = body + usccCheckChar(body);

  it('accepts a code whose check character matches, in either case', () => {
    expect(validateUscc(valid)).toEqual({ ok: true });
    expect(validateUscc(valid.toLowerCase())).toEqual({ ok: true });
  });

  it('refuses a code with any other check character', () => {
    const others = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').filter((c) => c !== valid[17]);
    for (const c of others) expect(validateUscc(body + c), c).toEqual({ ok: false, reason: '统一社会信用代码校验位不正确，请核对后重新输入' });
  });

  it('gives the check character 0 when the weighted sum is a multiple of 31 (the case a popular validator gets wrong)', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const bodies = Array.from({ length: 1000 }, (_, i) => `91130100MA0${String(i).padStart(6, '0')}`);
    const zeroBody = bodies.find((b) => usccCheckChar(b) === '0');
    expect(zeroBody).toBeDefined();
    const sum = [...zeroBody!].reduce((acc, c, i) => acc + alphabet.indexOf(c) * weights[i]!, 0);
    expect(sum % 31).toBe(0);
    expect(validateUscc(`${zeroBody}0`)).toEqual({ ok: true });
    // What the faulty validator expects instead (31 − 0 = 31, past the end of the alphabet, or wrapped to the last character).
    expect(validateUscc(`${zeroBody}Y`).ok).toBe(false);
  });

  it('refuses the letters I, O, Z, S and V, and a wrong length', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const result = validateUscc(`9113010${letter}MA0DEM0012`);
      expect(result.ok, letter).toBe(false);
      if (!result.ok) expect(result.reason).toContain('不允许的字符');
    }
    expect(validateUscc(valid.slice(0, 17))).toEqual({ ok: false, reason: '统一社会信用代码应为18位' });
    expect(validateUscc(`${valid}0`)).toEqual({ ok: false, reason: '统一社会信用代码应为18位' });
  });

  it('refuses a registration-authority region (characters 3–8) that is not six digits', () => {
    const letters = '91A30100MA0DEM001';
    expect(validateUscc(letters + usccCheckChar(letters))).toEqual({ ok: false, reason: '统一社会信用代码第3至8位应为登记管理机关行政区划码' });
  });
});

describe('mobile numbers', () => {
  it('accepts 11 digits starting 13–19 and refuses others', () => {
    expect(validateMobile('13812345678').ok).toBe(true);
    expect(validateMobile('19912345678').ok).toBe(true);
    for (const bad of ['12812345678', '1381234567', '138123456789', '0311-12345', '']) expect(validateMobile(bad).ok, bad).toBe(false);
  });
});

describe('region codes (GB/T 2260)', () => {
  it('reads the level from the length: province 2, city 4, county 6, township 9', () => {
    expect(regionLevel('13')).toBe('province');
    expect(regionLevel('1301')).toBe('city');
    expect(regionLevel('130102')).toBe('county');
    expect(regionLevel('130102001')).toBe('township');
    for (const bad of ['1', '130', '13010', '1301020', '13010200', '1301020011', '13a1', '']) expect(regionLevel(bad), bad).toBeNull();
  });

  it('names the parent each level must extend', () => {
    expect(parentRegionCode('130102001')).toBe('130102');
    expect(parentRegionCode('130102')).toBe('1301');
    expect(parentRegionCode('1301')).toBe('13');
    expect(parentRegionCode('13')).toBeNull();
  });

  it('puts a region in its own subtree and in its ancestors’, never in a sibling’s', () => {
    expect(isInRegion('130102001', '1301')).toBe(true);
    expect(isInRegion('1301', '1301')).toBe(true);
    expect(isInRegion('1301', '13')).toBe(true);
    expect(isInRegion('1302', '1301')).toBe(false);
    expect(isInRegion('13', '1301')).toBe(false);
  });
});
