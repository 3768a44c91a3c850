import { describe, expect, it } from 'vitest';
import { deliveryProblems, validateContactPhone, validateMailRegion } from './delivery.ts';

const ADDRESS = { recipient: '张三', phone: '13800000001', regionCode: '130102', detail: '中山东路 1 号' };

describe('delivery preference (送达方式)', () => {
  it('window pickup and electronic delivery need nothing more', () => {
    expect(deliveryProblems({ method: 'pickup' }, { supportsDelivery: false })).toEqual([]);
    expect(deliveryProblems({ method: 'electronic' }, { supportsDelivery: true })).toEqual([]);
  });

  it('mail needs an item that posts its result, and a full address', () => {
    expect(deliveryProblems({ method: 'mail', address: ADDRESS }, { supportsDelivery: true })).toEqual([]);
    expect(deliveryProblems({ method: 'mail', address: ADDRESS }, { supportsDelivery: false }).map((p) => p.path)).toEqual(['/method']);
    expect(deliveryProblems({ method: 'mail' }, { supportsDelivery: true }).map((p) => p.path)).toEqual(['/address']);
    const blank = { recipient: ' ', phone: '110', regionCode: '13', detail: '' };
    expect(deliveryProblems({ method: 'mail', address: blank }, { supportsDelivery: true }).map((p) => p.path)).toEqual([
      '/address/recipient', '/address/phone', '/address/regionCode', '/address/detail',
    ]);
  });

  it('a region to post to is a county or township of a real province', () => {
    expect(validateMailRegion('130102').ok).toBe(true);
    expect(validateMailRegion('130123100').ok).toBe(true);
    expect(validateMailRegion('110101').ok).toBe(true);
    for (const code of ['1301', '130100', '130002', '990101', '13010', 'abcdef']) expect(validateMailRegion(code).ok, code).toBe(false);
  });

  it('a contact phone is a mobile number or a fixed line with its area code', () => {
    for (const phone of ['13800000001', '0311-87654321', '03118765432', '010-12345678']) expect(validateContactPhone(phone).ok, phone).toBe(true);
    for (const phone of ['12345', '23800000001', '311-8765432', '0311-123']) expect(validateContactPhone(phone).ok, phone).toBe(false);
  });
});
