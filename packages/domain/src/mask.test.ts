import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonalText, maskPhone, maskUscc } from './mask.ts';

describe('masking personal data', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('130102199003071234')).toBe('1301**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a unified social credit code like an ID number', () => {
    expect(maskUscc('91130100MA0DEM001P')).toBe('9113**********001P');
  });

  it('hides short values completely rather than revealing most of them', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskPhone('123456')).toBe('******');
  });

  it('masks every ID number and mobile number found in free text, and nothing else', () => {
    const text = '申请人张三（身份证130102199003071234，手机13812345678）代李四（11010519491231002x）办理，联系电话0311-12345，办件编号20260105000123。';
    expect(maskPersonalText(text)).toBe(
      '申请人张三（身份证1301**********1234，手机138****5678）代李四（1101**********002x）办理，联系电话0311-12345，办件编号20260105000123。',
    );
  });

  it('masks numbers however a query string or a form spells them: after letters, with the country code', () => {
    expect(maskPersonalText('/api/cases?q=ID130102199003071234')).toBe('/api/cases?q=ID1301**********1234');
    expect(maskPersonalText('phone=%2B8613812345678&b=+8613812345678&c=8613812345678')).toBe('phone=%2B86138****5678&b=+86138****5678&c=86138****5678');
  });

  it('leaves longer digit runs (bank cards, serial numbers) alone rather than masking part of them', () => {
    expect(maskPersonalText('卡号6222021301021990030712')).toBe('卡号6222021301021990030712');
    expect(maskPersonalText('订单138123456789')).toBe('订单138123456789');
  });
});
