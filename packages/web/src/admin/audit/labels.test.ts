import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditTarget } from './labels.ts';

describe('audit log labels', () => {
  it('names the actions the server records, in Chinese and in English', () => {
    expect(auditActionLabel('auth.staff_login', 'zh')).toBe('工作人员登录');
    expect(auditActionLabel('case.decide', 'zh')).toBe('作出决定');
    expect(auditActionLabel('case.complete_step', 'zh')).toBe('审查通过');
    expect(auditActionLabel('file.upload', 'zh')).toBe('上传文件');
    expect(auditActionLabel('intake_draft.save', 'zh')).toBe('保存收件草稿');
    expect(auditActionLabel('auth.staff_login', 'en')).toBe('Staff sign-in');
  });

  it('leaves a code it does not know to be shown as it is', () => {
    expect(auditActionLabel('something.new', 'zh')).toBeNull();
    // Not a label: a property every object has.
    expect(auditActionLabel('toString', 'zh')).toBeNull();
  });

  it('names the target type and shortens a UUID, keeping it whole for copying', () => {
    const id = '3f2a9c1d-8b7e-4c6a-9d5f-0e1b2c3d4e5f';
    expect(auditTarget(`case:${id}`, 'zh')).toEqual({ typeLabel: '办件', id, shortId: '3f2a9c1d' });
    expect(auditTarget(`staff:${id}`, 'en')).toEqual({ typeLabel: 'Staff member', id, shortId: '3f2a9c1d' });
  });

  it('shows short ids (region codes, years, masked numbers) in full, and an unknown type by its code', () => {
    expect(auditTarget('region:1301', 'zh')).toEqual({ typeLabel: '行政区划', id: '1301', shortId: '1301' });
    expect(auditTarget('phone:138****1234', 'zh').shortId).toBe('138****1234');
    expect(auditTarget('catalog_import:', 'zh')).toEqual({ typeLabel: '事项导入', id: '', shortId: '' });
    expect(auditTarget('robot:r2', 'zh').typeLabel).toBe('robot');
  });
});
