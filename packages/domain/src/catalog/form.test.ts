import { describe, expect, it } from 'vitest';
import { hasPersonalFields, maskFormData, validateFormData, validateFormDefinition, type FormDefinition } from './form.ts';
import { sampleGuide } from './sample-guide.ts';

const form = sampleGuide().form;
const valid = { operatorName: '张三', operatorId: '130102199003075314', phone: '13800000001', hasName: 'no', address: '石家庄市长安区' };

describe('application form validator (shared by server and web)', () => {
  it('accepts complete, valid input', () => {
    expect(validateFormData(form, valid)).toEqual([]);
  });

  it('reports every missing required field with its path', () => {
    expect(validateFormData(form, {}).map((i) => i.path)).toEqual(['/operatorName', '/operatorId', '/phone', '/hasName', '/address']);
  });

  it('checks ID numbers, phones and select options with Chinese reasons', () => {
    const issues = validateFormData(form, { ...valid, operatorId: '130102199003075315', phone: '1234', hasName: 'maybe' });
    expect(issues).toEqual([
      { path: '/operatorId', message: '身份证号码校验位不正确，请核对后重新输入' },
      { path: '/phone', message: '手机号码应为11位，以1开头' },
      { path: '/hasName', message: '“是否使用名称”的选项无效' },
    ]);
  });

  it('a field required only under a condition is required when the condition holds, and refused when hidden', () => {
    expect(validateFormData(form, { ...valid, hasName: 'yes' })).toEqual([{ path: '/businessName', message: '请填写“个体工商户名称”' }]);
    expect(validateFormData(form, { ...valid, businessName: '张记小吃' })).toEqual([{ path: '/businessName', message: '根据已填内容，“个体工商户名称”无需填写' }]);
  });

  it('validates table rows cell by cell and numbers against their bounds', () => {
    const issues = validateFormData(form, { ...valid, capital: -1, employees: [{ name: '李四', idNumber: 'x' }, { name: '' }] });
    expect(issues.map((i) => i.path)).toEqual(['/capital', '/employees/0/idNumber', '/employees/1/name', '/employees/1/idNumber']);
  });

  it('refuses fields the form does not define', () => {
    expect(validateFormData(form, { ...valid, extra: 1 })).toEqual([{ path: '/extra', message: '表单中没有此字段' }]);
  });

  it('a definition whose condition points forward or at a missing field is malformed', () => {
    const issues = validateFormDefinition({
      fields: [
        { key: 'a', label: 'A', type: 'text', visibleWhen: { field: 'b', in: ['x'] } },
        { key: 'b', label: 'B', type: 'text' },
        { key: 'b', label: 'B2', type: 'table', columns: [] },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['/fields/0/visibleWhen/field', '/fields/2/key', '/fields/2/columns']);
  });
});

describe('form data as staff see it in a case file', () => {
  it('masks resident ID and mobile numbers, in table rows too, and leaves everything else as entered', () => {
    const withTable: FormDefinition = {
      fields: [
        ...form.fields,
        { key: 'members', label: '成员', type: 'table', columns: [{ key: 'name', label: '姓名', type: 'text' }, { key: 'id', label: '身份证号', type: 'idNumber' }, { key: 'tel', label: '电话', type: 'phone' }] },
      ],
    };
    const values = { ...valid, members: [{ name: '李四', id: '11010519491231002X', tel: '13912345678' }] };
    expect(maskFormData(withTable, values)).toEqual({
      ...valid, operatorId: '1301**********5314', phone: '138****0001',
      members: [{ name: '李四', id: '1101**********002X', tel: '139****5678' }],
    });
    expect(values.operatorId).toBe('130102199003075314');
    expect(hasPersonalFields(withTable)).toBe(true);
    expect(hasPersonalFields({ fields: [{ key: 'note', label: '备注', type: 'textarea' }] })).toBe(false);
  });
});
