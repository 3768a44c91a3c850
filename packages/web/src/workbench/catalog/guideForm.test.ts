import { describe, expect, it } from 'vitest';
import { sampleGuide, type GuideContent } from '@onewindow/domain';
import { blankGuide, tabOfPath, toGuideContent, withoutContentPrefix } from './guideForm.ts';

describe('the guide editor', () => {
  it('sends back a complete guide when the form left inputs emptied', () => {
    const base = sampleGuide();
    const edited = toGuideContent(
      {
        name: ' 个体工商户设立登记（修订） ',
        visitsReason: undefined,
        transferredToDepartmentId: undefined,
        steps: [{ ...base.steps[0]!, timeLimitDays: null, departmentId: undefined as unknown as null }],
        materials: [{ ...base.materials[0]!, licenceTypeCode: '', reviewPoints: [{ id: 'signed', text: '' }, { id: '', text: '签字' }] }],
      } as Partial<GuideContent>,
      base,
    );
    expect(edited.name).toBe('个体工商户设立登记（修订）');
    expect(edited.visitsReason).toBe('');
    expect(edited.transferredToDepartmentId).toBeNull();
    expect(edited.steps[0]).toMatchObject({ timeLimitDays: null, departmentId: null });
    expect(edited.materials[0]!.licenceTypeCode).toBeNull();
    expect(edited.materials[0]!.reviewPoints).toHaveLength(1);
    expect(edited.materials[0]!.reviewPoints[0]!.id).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    expect(Object.keys(edited).sort()).toEqual(Object.keys(base).sort());
  });

  it('keeps options only on select fields and drops conditions with no field chosen', () => {
    const edited = toGuideContent(
      {
        form: {
          fields: [
            { key: 'name', label: '姓名', type: 'text', options: [{ value: 'x', label: 'x' }], visibleWhen: { field: '', in: [] } },
            { key: 'kind', label: '类型', type: 'select', options: [{ value: '', label: '个人' }], min: null as unknown as number },
          ],
        },
      },
      sampleGuide(),
    );
    expect(edited.form.fields[0]).toEqual({ key: 'name', label: '姓名', type: 'text' });
    expect(edited.form.fields[1]).toEqual({ key: 'kind', label: '类型', type: 'select', options: [{ value: '个人', label: '个人' }] });
  });

  it('starts a new item with empty applicant text, so the publication check lists what is still to write', () => {
    const guide = blankGuide({
      name: '测试事项',
      basicCode: '000000000001',
      itemType: '01',
      serviceObjects: ['1'],
      domainCode: 'market_regulation',
      regionCode: '130102',
      department: { name: '长安区行政审批局', uscc: '11130102000000000X' },
      legalLimit: { amount: 20, unit: 'G' },
      promisedLimit: { amount: 0, unit: 'workday' },
    });
    expect(guide.exerciseLevel).toBe('4');
    expect(guide.caseType).toBe('1');
    expect(guide.steps.map((step) => step.kind)).toEqual(['accept', 'review', 'decide', 'complete', 'deliver']);
    expect(guide.acceptanceConditions).toBe('');
    expect(guide.materials).toEqual([]);
  });

  it('sends a problem to the tab that edits its field', () => {
    expect(tabOfPath('/materials/2/reviewPoints')).toBe('materials');
    expect(tabOfPath('/promisedLimit/amount')).toBe('implementation');
    expect(tabOfPath('/form/fields/0/key')).toBe('form');
    expect(tabOfPath('/legalBasis')).toBe('basic');
    expect(withoutContentPrefix([{ path: '/content/name', message: 'x' }])).toEqual([{ path: '/name', message: 'x' }]);
  });
});
