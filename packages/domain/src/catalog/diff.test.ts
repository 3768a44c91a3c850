import { describe, expect, it } from 'vitest';
import { diffGuides } from './diff.ts';
import { sampleGuide } from './sample-guide.ts';

describe('field-by-field guide diff', () => {
  it('names changed fields in Chinese', () => {
    const changes = diffGuides(sampleGuide(), sampleGuide({ consultPhone: '0311-99999' }));
    expect(changes).toEqual([{ path: '/consultPhone', label: '咨询电话', kind: 'changed', before: '0311-12345', after: '0311-99999' }]);
  });

  it('matches materials and review points by id, so a rename reads as one change', () => {
    const before = sampleGuide();
    const after = sampleGuide();
    after.materials[1] = { ...after.materials[1]!, name: '经营者居民身份证', reviewPoints: [...after.materials[1]!.reviewPoints, { id: 'photo', text: '照片与本人相符' }] };
    after.materials.splice(2, 1);
    expect(diffGuides(before, after).map((c) => `${c.kind} ${c.label}`)).toEqual([
      'changed 材料“经营者居民身份证” · 材料名称',
      'added 材料“经营者居民身份证” · 审查要点“照片与本人相符”',
      'removed 材料“经营场所使用证明”',
    ]);
  });
});
