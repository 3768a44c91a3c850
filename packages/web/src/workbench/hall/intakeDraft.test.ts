import { describe, expect, it } from 'vitest';
import { sampleGuide } from '@onewindow/domain';
import { acceptDecision, createBody, EMPTY_DRAFT, idNumberProblem, intakeProblems, receiveAll, startItem } from './intakeDraft.ts';

const guide = sampleGuide();

describe('the intake draft', () => {
  it('starts an item with nothing received, so every required material is a problem to correct', () => {
    const draft = startItem(EMPTY_DRAFT, 'X-1', '事项', guide);
    const required = guide.materials.filter((m) => m.necessity === 'required' || m.necessity === 'deferrable').map((m) => m.id);
    expect(intakeProblems(draft, guide).map((p) => p.materialId)).toEqual(required);
  });

  it('receives everything as the guide asks with every point passed, leaving nothing to correct', () => {
    const draft = receiveAll(startItem(EMPTY_DRAFT, 'X-1', '事项', guide), guide);
    expect(intakeProblems(draft, guide)).toEqual([]);
    // A point left unticked is not met: it goes on the notice.
    const [first] = guide.materials;
    const unticked = { ...draft, materials: { ...draft.materials, [first!.id]: { ...draft.materials[first!.id]!, checks: {} } } };
    expect(intakeProblems(unticked, guide).map((p) => p.problem)).toEqual(first!.reviewPoints.map((p) => `不符合：${p.text}`));
  });

  it('does not mark a 非必要 material as received unless the clerk marked it so', () => {
    const optional = { ...guide.materials[0]!, id: 'authorisation', name: '授权委托书及受托人身份证', necessity: 'optional' as const };
    const withAgentLetter = { ...guide, materials: [...guide.materials, optional] };
    const started = startItem(EMPTY_DRAFT, 'X-1', '事项', withAgentLetter);
    expect(receiveAll(started, withAgentLetter).materials[optional.id]).toMatchObject({ receivedAs: 'missing', count: 0 });
    const brought = { ...started, materials: { ...started.materials, [optional.id]: { ...started.materials[optional.id]!, receivedAs: 'original' as const, count: 1 } } };
    expect(receiveAll(brought, withAgentLetter).materials[optional.id]).toMatchObject({ receivedAs: 'original', checks: Object.fromEntries(optional.reviewPoints.map((p) => [p.id, true])) });
  });

  it('builds the intake body: missing materials left out, ID numbers upper-cased, 容缺 with dates and commitment', () => {
    let draft = receiveAll(startItem(EMPTY_DRAFT, 'X-1', '事项', guide), guide);
    const [first, second] = guide.materials;
    draft = {
      ...draft,
      applicant: { kind: 'person', idNumber: ' 13010219900307531x ', name: ' 李四 ', phone: '13800000001', legalRepresentative: '' },
      materials: { ...draft.materials, [first!.id]: { ...draft.materials[first!.id]!, receivedAs: 'missing' }, [second!.id]: { ...draft.materials[second!.id]!, receivedAs: 'deferred', dueDate: '2026-12-10' } },
      commitment: '承诺按期补交',
    };
    const body = createBody(draft, guide, acceptDecision(draft));
    expect(body.applicant).toEqual({ kind: 'person', name: '李四', idNumber: '13010219900307531X', phone: '13800000001' });
    expect(body.materials.map((m) => m.materialId)).not.toContain(first!.id);
    expect(body.decision).toEqual({ type: 'accept', deferred: [{ materialId: second!.id, dueDate: '2026-12-10' }], commitment: '承诺按期补交' });
  });

  it('checks ID numbers by their check digit, as the server does', () => {
    expect(idNumberProblem({ kind: 'person', idNumber: '130102199003075314' })).toBeNull();
    expect(idNumberProblem({ kind: 'person', idNumber: '130102199003075315' })).toMatch(/校验/);
    expect(idNumberProblem({ kind: 'company', idNumber: '' })).toBeNull();
  });
});
