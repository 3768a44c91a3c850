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

const ID_IN_TEXT = /(?<![\dA-Z])(\d{6})(\d{8})(\d{3}[\dXx])(?![\dA-Z])/g;
const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** Masks every resident ID number and mobile number found in free text (log lines, SMS bodies shown to staff). */
export function maskPersonalText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id: string) => maskIdNumber(id))
    .replace(PHONE_IN_TEXT, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}
