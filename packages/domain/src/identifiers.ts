// National identifier check rules (GB 11643 resident ID, GB 32100 USCC, GB/T 2260 region codes, mobile numbers).
// Pure functions shared by the server and the web app so both refuse the same input with the same reason.

import { beijingToday } from './dates.ts';

export type Validation<T = object> = ({ ok: true } & T) | { ok: false; reason: string };

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** 居民身份证号码 (GB 11643): 17 digits + check character, a region prefix and a real, past birth date. */
export function validateResidentId(input: string, today: Date = new Date()): Validation<{ birthDate: string; regionCode: string }> {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号码应为18位，前17位为数字，最后一位为数字或X' };
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (RESIDENT_ID_CHECK[sum % 11] !== id[17]) return { ok: false, reason: '身份证号码校验位不正确，请核对后重新输入' };
  const regionCode = id.slice(0, 6);
  if (!/^[1-8]\d{5}$/.test(regionCode)) return { ok: false, reason: '身份证号码前6位不是有效的行政区划代码' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, reason: '身份证号码中的出生日期不存在' };
  if (birthDate > beijingToday(today) || Number(id.slice(6, 10)) < 1900) {
    return { ok: false, reason: '身份证号码中的出生日期不合理' };
  }
  return { ok: true, birthDate, regionCode };
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a unified social credit code body (first 17 characters), GB 32100. */
export function usccCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body17[i]!) * USCC_WEIGHTS[i]!;
  // (31 − sum mod 31) mod 31: the outer mod maps 31 back to index 0 ('0') — the case a popular validator gets wrong.
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** 统一社会信用代码 (GB 32100): 18 characters from 0-9 A-H J-N P-R T U W X Y with a MOD 31 check character. */
export function validateUscc(input: string): Validation {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: '统一社会信用代码应为18位' };
  if (![...code].every((c) => USCC_ALPHABET.includes(c))) {
    return { ok: false, reason: '统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）' };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, reason: '统一社会信用代码第3至8位应为登记管理机关行政区划码' };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: '统一社会信用代码校验位不正确，请核对后重新输入' };
  return { ok: true };
}

/** Mainland mobile numbers: 11 digits starting with 1 and a 3–9 second digit. */
export function validateMobile(input: string): Validation {
  if (!/^1[3-9]\d{9}$/.test(input.trim())) return { ok: false, reason: '手机号码应为11位，以1开头' };
  return { ok: true };
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
};

/** Region codes: province 2 digits, city 4, county 6, township 9 (GB/T 2260 and the statistical codes). */
export function regionLevel(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  switch (code.length) {
    case 2: return 'province';
    case 4: return 'city';
    case 6: return 'county';
    case 9: return 'township';
    default: return null;
  }
}

/** The parent code a region code must extend: a county's parent is its 4-digit city, and so on. */
export function parentRegionCode(code: string): string | null {
  const parentLength = { province: 0, city: 2, county: 4, township: 6 }[regionLevel(code) ?? 'province'];
  return parentLength === 0 ? null : code.slice(0, parentLength);
}

/** Whether `code` lies in the subtree rooted at `root` (a region is in its own subtree). */
export function isInRegion(code: string, root: string): boolean {
  return code.startsWith(root);
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
