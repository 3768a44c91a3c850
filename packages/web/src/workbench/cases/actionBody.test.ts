import { describe, expect, it } from 'vitest';
import type { CaseMaterial } from '../../cases/types.ts';
import { actionBody, correctionDraft, materialValues } from './actionBody.ts';

function material(overrides: Partial<CaseMaterial>): CaseMaterial {
  return {
    materialId: 'application',
    name: '申请表',
    necessity: 'required',
    reviewPoints: [{ id: 'p1', text: '申请表须经法定代表人签字并加盖公章' }],
    receivedAs: 'original',
    receivedAsLabel: '原件',
    count: 1,
    files: [],
    checks: { p1: true },
    trustLevel: 'B',
    note: '',
    ...overrides,
  };
}

describe('an action dialog’s values as the action body', () => {
  it('sends 不予许可 with its reason and remedies, and 准予 without them', () => {
    expect(actionBody('decide', { grant: false, opinion: ' 不符合条件 ', reason: '缺少资质', remedies: '可申请复议' })).toEqual({
      type: 'decide', grant: false, opinion: '不符合条件', reason: '缺少资质', remedies: '可申请复议',
    });
    expect(actionBody('decide', { grant: true, opinion: '同意', reason: 'left from before' })).toEqual({ type: 'decide', grant: true, opinion: '同意' });
  });

  it('leaves the 补正 items to the server when every row was removed or left blank', () => {
    expect(actionBody('request_correction', { items: [{}] })).toEqual({ type: 'request_correction' });
    expect(actionBody('request_correction', { items: [{ materialId: 'contract', problem: '未提交', fix: '请提交施工合同' }], opinion: '' })).toEqual({
      type: 'request_correction', items: [{ materialId: 'contract', problem: '未提交', fix: '请提交施工合同' }],
    });
  });

  it('sends 容缺 dates with the commitment, and a plain 受理 without either', () => {
    expect(actionBody('accept', { deferred: { 'drawings-review': '2026-12-10' }, commitment: '按期补交' })).toEqual({
      type: 'accept', deferred: [{ materialId: 'drawings-review', dueDate: '2026-12-10' }], commitment: '按期补交',
    });
    expect(actionBody('accept', { opinion: '  ' })).toEqual({ type: 'accept' });
  });

  it('delivers by post with the tracking number, at the window with the identity check', () => {
    expect(actionBody('deliver', { method: 'mail', reference: 'EMS123', collectorIdNumber: 'x' })).toEqual({ type: 'deliver', method: 'mail', reference: 'EMS123' });
    expect(actionBody('deliver', { method: 'pickup', collectorIdNumber: ' 13010219900307531x ', signature: 'ab' })).toEqual({ type: 'deliver', method: 'pickup', collectorIdNumber: '13010219900307531X', signature: 'ab' });
  });

  it('records an unticked review point as not met', () => {
    const [values] = materialValues([material({ checks: {} })]);
    expect(actionBody('resubmit', { materials: [values!] })).toEqual({
      type: 'resubmit', materials: [{ materialId: 'application', receivedAs: 'original', count: 1, files: [], checks: { p1: false } }],
    });
  });
});

describe('the 补正 notice a clerk starts from', () => {
  it('lists a required material not submitted and a review point not met, not an optional one or one in order', () => {
    const items = correctionDraft([
      material({ checks: { p1: false } }),
      material({ materialId: 'contract', name: '施工合同', receivedAs: 'missing', count: 0, checks: {}, reviewPoints: [{ id: 'p1', text: '合同已在监管平台备案' }] }),
      material({ materialId: 'proxy', name: '授权委托书', necessity: 'optional', receivedAs: 'missing', checks: {} }),
      material({ materialId: 'funding', name: '承诺书' }),
    ]);
    expect(items.map((item) => [item.materialId, item.problem])).toEqual([
      ['application', '不符合：申请表须经法定代表人签字并加盖公章'],
      ['contract', '未提交'],
    ]);
    expect(items[1]!.fix).toContain('施工合同');
  });
});
