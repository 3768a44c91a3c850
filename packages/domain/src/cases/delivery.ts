// How the applicant wants the result (结果送达): collected at the window (统一窗口出件), by post (邮寄), or
// electronically (电子送达, e.g. an e-licence) — chosen in the portal at any time before delivery. Pure rules, shared
// by the server's validation and the portal's form.
import type { GuideContent } from '../catalog/guide.ts';
import { validateMobile } from '../identifiers.ts';

export type DeliveryMethod = 'pickup' | 'mail' | 'electronic';

export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = { pickup: '窗口领取', mail: '邮寄送达', electronic: '电子送达' };

export interface MailAddress {
  recipient: string;
  phone: string;
  /** the county (6 digits) or township (9 digits) code of GB/T 2260 */
  regionCode: string;
  /** street, number, building … */
  detail: string;
}

export interface DeliveryPreference {
  method: DeliveryMethod;
  /** only for mail */
  address: MailAddress | null;
}

// Provinces, autonomous regions, municipalities and SARs of GB/T 2260 (the first two digits of every region code).
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

/** A region precise enough to post to: a county (6 digits, not a city's xxxx00) or a township (9 digits) of a real province. */
export function validateMailRegion(code: string): { ok: true } | { ok: false; reason: string } {
  if (!/^\d{6}(\d{3})?$/.test(code)) return { ok: false, reason: '请选择到区县（6位）或乡镇街道（9位）的行政区划' };
  if (!PROVINCES.has(code.slice(0, 2))) return { ok: false, reason: '行政区划代码的前两位不是有效的省级代码' };
  if (code.slice(2, 4) === '00' || code.slice(4, 6) === '00') return { ok: false, reason: '请选择到区县一级' };
  return { ok: true };
}

/** A mobile number, or a fixed line with its area code (0311-87654321). */
export function validateContactPhone(phone: string): { ok: true } | { ok: false; reason: string } {
  if (validateMobile(phone).ok || /^0\d{2,3}-?\d{7,8}$/.test(phone.trim())) return { ok: true };
  return { ok: false, reason: '请填写手机号码，或带区号的固定电话（如 0311-87654321）' };
}

export interface DeliveryProblem {
  /** JSON Pointer into the request body */
  path: string;
  message: string;
}

/** What is wrong with a delivery preference for a guide's result; empty when it can be stored. */
export function deliveryProblems(preference: { method: DeliveryMethod; address?: MailAddress | null }, guide: Pick<GuideContent, 'supportsDelivery'>): DeliveryProblem[] {
  if (preference.method !== 'mail') return [];
  if (!guide.supportsDelivery) return [{ path: '/method', message: '该事项不支持邮寄送达，请选择窗口领取或电子送达' }];
  const address = preference.address;
  if (!address) return [{ path: '/address', message: '邮寄送达请填写收件地址' }];
  const problems: DeliveryProblem[] = [];
  if (!address.recipient.trim()) problems.push({ path: '/address/recipient', message: '请填写收件人' });
  const phone = validateContactPhone(address.phone);
  if (!phone.ok) problems.push({ path: '/address/phone', message: phone.reason });
  const region = validateMailRegion(address.regionCode);
  if (!region.ok) problems.push({ path: '/address/regionCode', message: region.reason });
  if (!address.detail.trim()) problems.push({ path: '/address/detail', message: '请填写详细地址' });
  return problems;
}
