import { describe, expect, it } from 'vitest';
import type { Material } from '@onewindow/domain';
import {
  canApplyOnline, deferredChosen, emptyHandler, formatSize, handlerFrom, handlerInput, handlerIssues, materialInputs, outstandingMaterials, placeProblems, promisedDeferral, servesApplicant, slotsFrom, stepToFix,
} from './applyModel.ts';

function material(id: string, necessity: Material['necessity']): Material {
  return {
    id, name: `材料${id}`, issuer: '', source: '1', necessity, type: 'copy', form: 'electronic', originalCount: 0, copyCount: 1,
    blankForm: null, sample: null, fillingNotes: '', acceptanceStandard: '', basis: '', licenceTypeCode: null, reviewPoints: [],
  };
}

const guide = { materials: [material('id-card', 'required'), material('lease', 'deferrable'), material('birth', 'exempt'), material('photo', 'optional')] };
const pdf = (sha: string) => ({ sha256: sha.repeat(64), mime: 'application/pdf', name: 'x.pdf' });

describe('which items are applied for online', () => {
  it('depth III and IV are applied for here; I and II are not', () => {
    expect(['I', 'II', 'III', 'IV'].map((onlineDepth) => canApplyOnline({ onlineDepth: onlineDepth as 'I' }))).toEqual([false, false, true, true]);
  });

  it('a company account may apply for items serving any kind of organisation, a person only for 自然人 items', () => {
    expect(servesApplicant({ serviceObjects: ['2'] }, 'company')).toBe(true);
    expect(servesApplicant({ serviceObjects: ['2'] }, 'person')).toBe(false);
    expect(servesApplicant({ serviceObjects: ['1', '2'] }, 'person')).toBe(true);
    expect(servesApplicant({ serviceObjects: ['1'] }, 'company')).toBe(false);
  });
});

describe('material slots', () => {
  it('an uploaded file is sent as 电子件, 信息免交 as 免提交, 容缺 only where the guide allows it, the rest as missing', () => {
    const slots = slotsFrom(guide);
    slots['id-card'] = { files: [pdf('a')], deferred: false };
    slots.lease = { files: [], deferred: true };
    slots.photo = { files: [], deferred: true };
    expect(materialInputs(guide, slots).map((input) => [input.materialId, input.receivedAs, input.count, input.files.length])).toEqual([
      ['id-card', 'electronic', 1, 1],
      ['lease', 'deferred', 0, 0],
      ['birth', 'exempt', 0, 0],
      ['photo', 'missing', 0, 0],
    ]);
  });

  it('a correction sends only the materials the notice asked for', () => {
    const slots = slotsFrom(guide);
    slots.lease = { files: [pdf('b')], deferred: false };
    expect(materialInputs(guide, slots, ['lease'])).toEqual([{ materialId: 'lease', receivedAs: 'electronic', count: 1, files: ['b'.repeat(64)], checks: {} }]);
  });

  it('a saved draft refills its slots, 容缺 included', () => {
    const slots = slotsFrom(guide, [
      { materialId: 'id-card', receivedAs: 'electronic', files: [{ sha256: 'c'.repeat(64), mime: 'image/png' }] },
      { materialId: 'lease', receivedAs: 'deferred', files: [] },
    ]);
    expect(slots['id-card']!.files).toEqual([{ sha256: 'c'.repeat(64), mime: 'image/png' }]);
    expect(slots.lease!.deferred).toBe(true);
    expect(slots.photo).toEqual({ files: [], deferred: false });
  });

  it('what stands in the way of submitting: required materials not uploaded; 容缺 and optional ones do not', () => {
    const slots = slotsFrom(guide);
    expect(outstandingMaterials(guide, slots).map((material) => material.id)).toEqual(['id-card']);
    slots['id-card'] = { files: [pdf('a')], deferred: false };
    expect(outstandingMaterials(guide, slots)).toEqual([]);
  });
});

describe('容缺: the promised date of each material brought later', () => {
  it('only a material the guide lets wait and that has no file is 容缺; each needs a date after today', () => {
    const slots = slotsFrom(guide);
    slots.lease = { files: [], deferred: true };
    slots.photo = { files: [], deferred: true };
    const deferred = deferredChosen(guide, slots);
    expect(deferred.map((m) => m.id)).toEqual(['lease']);

    expect(promisedDeferral(deferred, {}, '2026-11-27').issues).toEqual([{ materialId: 'lease', message: '请填写“材料lease”的承诺补交日期' }]);
    expect(promisedDeferral(deferred, { lease: '2026-11-27' }, '2026-11-27').issues).toEqual([{ materialId: 'lease', message: '“材料lease”的承诺补交日期应晚于今天' }]);
    expect(promisedDeferral(deferred, { lease: '2026-12-04', photo: '2026-12-04' }, '2026-11-27')).toEqual({ promised: [{ materialId: 'lease', dueDate: '2026-12-04' }], issues: [] });

    slots.lease = { files: [pdf('b')], deferred: true };
    expect(deferredChosen(guide, slots)).toEqual([]);
  });
});

describe('经办人: a company applies through a handler it authorises', () => {
  it('each field is checked as the server checks it; the draft takes the handler once name, ID and phone are right', () => {
    const handler = emptyHandler();
    expect(handlerIssues(handler).map((i) => i.field)).toEqual(['name', 'idNumber', 'phone', 'authorisation']);
    expect(handlerInput(handler)).toBeUndefined();
    const typed = { ...handler, name: ' 王代理 ', idNumber: '11010519491231002x', phone: '13900000002' };
    expect(handlerIssues({ ...typed, idNumber: '110105194912310021' })).toContainEqual({ field: 'idNumber', message: '身份证号码校验位不正确，请核对后重新输入' });
    expect(handlerInput(typed)).toEqual({ name: '王代理', idNumber: '11010519491231002X', phone: '13900000002', authorisation: null });
    expect(handlerIssues(typed)).toEqual([{ field: 'authorisation', message: '请上传单位出具的授权委托书' }]);
    const signed = { ...typed, authorisation: { files: [pdf('c')], deferred: false } };
    expect(handlerIssues(signed)).toEqual([]);
    expect(handlerFrom(handlerInput(signed)!)).toMatchObject({ name: '王代理', authorisation: { files: [{ sha256: pdf('c').sha256 }] } });
  });
});

describe("the server's field problems", () => {
  it('form problems go to the form, material problems to their slot by id or by the index sent', () => {
    const placed = placeProblems(
      [
        { path: '/formData/name', message: '请填写姓名' },
        { path: '/formData/rows/0/amount', message: '应为数字' },
        { path: '/materials/lease', message: '请上传租赁合同' },
        { path: '/materials/0/files', message: '请上传“材料id-card”的电子件' },
        { path: '/declaration', message: '请确认承诺' },
      ],
      [{ materialId: 'id-card' }],
    );
    expect(placed.form).toEqual([
      { path: '/name', message: '请填写姓名' },
      { path: '/rows/0/amount', message: '应为数字' },
    ]);
    expect(placed.materials).toEqual({ lease: ['请上传租赁合同'], 'id-card': ['请上传“材料id-card”的电子件'] });
    expect(placed.other).toEqual(['请确认承诺']);
    expect(stepToFix(placed)).toBe('form');
    expect(stepToFix({ ...placed, form: [] })).toBe('materials');
  });

  it('file sizes read in KB under a megabyte and in MB above', () => {
    expect(formatSize(300)).toBe('1 KB');
    expect(formatSize(812 * 1024)).toBe('812 KB');
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
  });
});
