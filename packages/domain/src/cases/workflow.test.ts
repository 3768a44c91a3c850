import { describe, expect, it } from 'vitest';
import { sampleGuide } from '../catalog/sample-guide.ts';
import { applicantMaterialIssues, missingForSubmission } from './workflow.ts';

const guide = sampleGuide();
const material = (materialId: string, receivedAs: 'original' | 'copy' | 'electronic' | 'exempt' | 'deferred' | 'missing', checks: Record<string, boolean> = {}) => ({ materialId, receivedAs, checks });

describe('materials provided online (网上申请)', () => {
  it('an applicant provides files, 免提交 only where the guide allows it, and ticks no review point', () => {
    expect(applicantMaterialIssues(guide, [material('application', 'electronic'), material('premises', 'deferred')])).toEqual([]);
    expect(applicantMaterialIssues(guide, [material('application', 'original'), material('id-card', 'copy'), material('premises', 'electronic', { address: true })])).toEqual([
      { index: 0, field: 'receivedAs', message: expect.stringContaining('电子件') },
      { index: 1, field: 'receivedAs', message: expect.stringContaining('电子件') },
      { index: 2, field: 'checks', message: '审查要点由工作人员核验，申请时无需填写' },
    ]);
    expect(applicantMaterialIssues(guide, [material('id-card', 'exempt')])).toEqual([{ index: 0, field: 'receivedAs', message: '“经营者身份证明”不属于免提交材料，请上传电子件' }]);
    const withLicence = sampleGuide({ materials: guide.materials.map((m) => (m.id === 'id-card' ? { ...m, licenceTypeCode: '111' } : m)) });
    expect(applicantMaterialIssues(withLicence, [material('id-card', 'exempt')])).toEqual([]);
  });

  it('a submission needs every 必要 material; 容缺后补 ones may wait for the pre-review', () => {
    expect(missingForSubmission(guide, [material('application', 'electronic'), material('id-card', 'electronic')])).toEqual([]);
    expect(missingForSubmission(guide, [material('application', 'missing'), material('premises', 'deferred')]).map((m) => m.id)).toEqual(['application', 'id-card']);
  });
});
