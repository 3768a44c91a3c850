import { describe, expect, it } from 'vitest';
import { windowServes } from './windows.ts';

const realEstate = { code: 'real_estate', name: '不动产' };
const medical = { code: 'medical_insurance', name: '医保' };

describe('windowServes', () => {
  it('lets a comprehensive window take in any item', () => {
    expect(windowServes({ kind: 'comprehensive', domains: [] }, realEstate)).toEqual({ ok: true });
  });

  it('lets a domain window take in the items of its domains only, naming the right window otherwise', () => {
    const window = { kind: 'domain' as const, domains: [medical, { code: 'social_security', name: '社保' }] };
    expect(windowServes(window, medical)).toEqual({ ok: true });
    expect(windowServes(window, realEstate)).toEqual({
      ok: false,
      reason: '本窗口为医保、社保领域窗口，不能受理“不动产”领域的事项；请引导申请人到综合受理窗口或不动产窗口办理',
    });
  });
});
