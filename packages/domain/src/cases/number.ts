// 办件编号: region code (6 digits, padded), acceptance date (YYYYMMDD), a serial from a database sequence (so parallel
// intake never waits on a shared counter row and never repeats), and an ISO 7064 MOD 11-2 style check character that
// catches a mistyped digit when a number is read from a paper receipt. Example: 130100-20261127-0000012345-7 is
// written without separators: 130100202611270000012345 + check. 25 characters, within the 50 the exchange allows.

const SERIAL_DIGITS = 10;

function checkChar(body: string): string {
  // ISO 7064 MOD 11-2 (the GB 11643 check), over digits only.
  let sum = 0;
  for (const ch of body) sum = ((sum + Number(ch)) * 2) % 11;
  const value = (12 - sum) % 11;
  return value === 10 ? 'X' : String(value);
}

export interface CaseNumberParts {
  regionCode: string;
  /** YYYY-MM-DD */
  date: string;
  serial: number;
}

export function formatCaseNumber({ regionCode, date, serial }: CaseNumberParts): string {
  if (!/^\d{2,9}$/.test(regionCode)) throw new Error(`invalid region code ${regionCode}`);
  if (!Number.isSafeInteger(serial) || serial < 1 || serial >= 10 ** SERIAL_DIGITS) throw new Error(`serial out of range: ${serial}`);
  const body = `${regionCode.slice(0, 6).padEnd(6, '0')}${date.replaceAll('-', '')}${String(serial).padStart(SERIAL_DIGITS, '0')}`;
  return body + checkChar(body);
}

/** The parts of a case number, or null when it is malformed or its check character does not match (a typo). */
export function parseCaseNumber(text: string): CaseNumberParts | null {
  const number = text.trim().toUpperCase();
  if (!/^\d{24}[\dX]$/.test(number)) return null;
  const body = number.slice(0, 24);
  if (checkChar(body) !== number[24]) return null;
  const date = `${body.slice(6, 10)}-${body.slice(10, 12)}-${body.slice(12, 14)}`;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return null;
  return { regionCode: body.slice(0, 6), date, serial: Number(body.slice(14)) };
}
