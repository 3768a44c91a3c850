// Masking of personal data for lists and logs: enough to recognise, not enough to misuse.

/** 130102199003071234 → 1301**********1234 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 91130100MA0XXXXX0X → 9113**********0X, same shape as an ID number */
export const maskUscc = maskIdNumber;

// Letters before a number do not shield it (a query such as q=ID130102…); digits do, so that longer runs (bank cards,
// serial numbers) are not half masked. A mobile number may carry the country code: +86, %2B86 in a URL, or 86.
const ID_IN_TEXT = /(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?![\dA-Z])/g;
const PHONE_IN_TEXT = /(?<!\d)(\+86|%2B86|86)?(1[3-9]\d)(\d{4})(\d{4})(?!\d)/gi;

/** Masks every resident ID number and mobile number found in free text (log lines, SMS bodies shown to staff). */
export function maskPersonalText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id: string) => maskIdNumber(id))
    .replace(PHONE_IN_TEXT, (_m, country: string | undefined, a: string, _b: string, c: string) => `${country ?? ''}${a}****${c}`);
}
