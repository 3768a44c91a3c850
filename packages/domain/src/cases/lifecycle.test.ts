import { describe, expect, it } from 'vitest';
import { allowedEvents, applicantEvents, applyAction, IllegalTransitionError, reduceCase, type CaseAction, type CaseEvent } from './lifecycle.ts';

const STEPS = ['review', 'decide'];
let clock = 0;
const act = (event: CaseEvent, actorId = 'clerk'): CaseAction => ({ event, at: new Date(Date.UTC(2026, 10, 27, 1, clock++)).toISOString(), actorId });
const accepted = () => reduceCase('window', STEPS, [act({ type: 'accept' })]);

describe('case lifecycle (a pure reducer over the actions)', () => {
  it('a window case accepted with all materials goes through the review steps to a decision, 办结 and 送达', () => {
    const state = reduceCase('window', STEPS, [
      act({ type: 'accept' }),
      act({ type: 'complete_step', stepId: 'review', opinion: '材料齐全，符合条件' }, 'reviewer'),
      act({ type: 'decide', grant: true }, 'reviewer'),
      act({ type: 'complete' }),
      act({ type: 'deliver', method: 'pickup' }),
    ]);
    expect(state.status).toBe('delivered');
    expect(state.closeResult).toBe('0');
  });

  it('an online case is submitted, returned once with every defect, corrected, and accepted', () => {
    const state = reduceCase('online', STEPS, [
      act({ type: 'submit' }, 'applicant'),
      act({ type: 'request_correction', dueDate: '2026-12-04', items: [{ materialId: 'id-card', problem: '已过期', fix: '提供有效期内的身份证' }] }),
      act({ type: 'resubmit' }, 'applicant'),
      act({ type: 'accept' }),
    ]);
    expect(state.status).toBe('in_review');
    expect(state.correction).toBeNull();
    expect(state.currentStep).toBe('review');
  });

  it('a correction made online goes back to the online pre-review (待预审); one brought to the window is checked there (已收件)', () => {
    const notice = act({ type: 'request_correction', dueDate: '2026-12-04', items: [{ materialId: 'id-card', problem: '不清晰', fix: '重新上传' }] });
    const submitted = [act({ type: 'submit', declaration: '本人承诺……' }, 'applicant'), notice];
    expect(reduceCase('online', STEPS, [...submitted, act({ type: 'resubmit', via: 'online' }, 'applicant')]).status).toBe('submitted');
    expect(reduceCase('online', STEPS, [...submitted, act({ type: 'resubmit' })]).status).toBe('received');
  });

  it('the applicant’s own steps: submit a draft, correct when asked, withdraw before the decision — nothing of staff’s', () => {
    const draft = reduceCase('online', STEPS, []);
    expect(applicantEvents(draft)).toEqual(['submit', 'withdraw']);
    expect(applicantEvents(reduceCase('online', STEPS, [act({ type: 'submit' })]))).toEqual(['withdraw']);
    expect(applicantEvents(accepted())).toEqual(['withdraw']);
    const waiting = reduceCase('window', STEPS, [act({ type: 'request_correction', dueDate: '2026-12-04', items: [{ materialId: 'm', problem: 'p', fix: 'f' }] })]);
    expect(applicantEvents(waiting)).toEqual(['resubmit', 'withdraw']);
  });

  it('no correction in time closes the case as 退件 (5); 不予受理 closes it as 6 with its reason', () => {
    const expired = reduceCase('window', STEPS, [act({ type: 'request_correction', dueDate: '2026-12-04', items: [{ materialId: 'm', problem: 'p', fix: 'f' }] }), act({ type: 'correction_expired' })]);
    expect([expired.status, expired.closeResult]).toEqual(['closed', '5']);
    const refused = reduceCase('window', STEPS, [act({ type: 'refuse', reason: '不属于本机关职权范围', remedies: '向有关行政机关申请' })]);
    expect([refused.closeResult, refused.closeReason]).toEqual(['6', '不属于本机关职权范围']);
  });

  it('an illegal transition is refused, naming the state and what it allows', () => {
    const state = reduceCase('window', STEPS, []);
    try {
      applyAction(state, act({ type: 'deliver', method: 'mail' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect((error as IllegalTransitionError).allowed).toEqual(['accept', 'request_correction', 'refuse', 'withdraw']);
      expect((error as Error).message).toContain('已收件');
    }
  });

  it('the decision is taken only at the last step; a refusal needs reasons and remedies', () => {
    expect(allowedEvents(accepted())).not.toContain('decide');
    const atDecision = applyAction(accepted(), act({ type: 'complete_step', stepId: 'review', opinion: '同意' }));
    expect(allowedEvents(atDecision)).toContain('decide');
    expect(() => applyAction(atDecision, act({ type: 'decide', grant: false }))).toThrow(/理由/);
    const refused = applyAction(atDecision, act({ type: 'decide', grant: false, reason: '不符合条件', remedies: '60日内申请行政复议或6个月内提起行政诉讼' }));
    expect(applyAction(refused, act({ type: 'complete' })).closeResult).toBe('1');
  });

  it('a case can be sent back to an earlier step, not forward', () => {
    const atDecision = applyAction(accepted(), act({ type: 'complete_step', stepId: 'review', opinion: '同意' }));
    expect(applyAction(atDecision, act({ type: 'send_back', toStepId: 'review', opinion: '补充核查' })).currentStep).toBe('review');
    expect(allowedEvents(accepted())).not.toContain('send_back');
  });

  it('特别程序 pauses the clock: its period is recorded when it ends', () => {
    const paused = applyAction(accepted(), act({ type: 'start_special', kind: '2', reason: '专家评审' }));
    expect(paused.status).toBe('suspended');
    expect(allowedEvents(paused)).not.toContain('decide');
    const resumed = applyAction(paused, act({ type: 'end_special', result: '评审通过' }));
    expect(resumed.pauses).toHaveLength(1);
    expect(resumed.status).toBe('in_review');
  });

  it('an extension needs a second person and stays within 10 working days', () => {
    const requested = applyAction(accepted(), act({ type: 'request_extension', workdays: 8, reason: '情况复杂' }));
    expect(() => applyAction(requested, act({ type: 'decide_extension', approve: true, opinion: '同意' }))).toThrow(/负责人批准/);
    expect(allowedEvents(requested)).not.toContain('decide');
    const once = applyAction(requested, { ...act({ type: 'decide_extension', approve: true, opinion: '同意' }), actorId: 'head' });
    expect(once.extensionWorkdays).toBe(8);
    expect(() => applyAction(once, act({ type: 'request_extension', workdays: 3, reason: '再延' }))).toThrow(/10 个工作日/);
    const refused = applyAction(applyAction(accepted(), act({ type: 'request_extension', workdays: 2, reason: '再议' })), { ...act({ type: 'decide_extension', approve: false, opinion: '不同意' }), actorId: 'head' });
    expect(refused.extensionWorkdays).toBe(0);
    expect(refused.pendingExtension).toBeNull();
  });

  it('容缺受理 tracks the outstanding material until it is received', () => {
    const state = reduceCase('window', STEPS, [act({ type: 'accept', deferred: [{ materialId: 'premises', dueDate: '2026-12-04' }] })]);
    expect(allowedEvents(state)).toContain('deferred_received');
    const received = applyAction(state, act({ type: 'deferred_received', materialId: 'premises' }));
    expect(received.deferred[0]!.receivedAt).not.toBeNull();
    expect(allowedEvents(received)).not.toContain('deferred_received');
  });

  it('the applicant may withdraw before the decision, not after', () => {
    expect(applyAction(accepted(), act({ type: 'withdraw', reason: '不再办理' }, 'applicant')).closeResult).toBe('5');
    const decided = reduceCase('window', STEPS, [act({ type: 'accept' }), act({ type: 'complete_step', stepId: 'review', opinion: '同意' }), act({ type: 'decide', grant: true })]);
    expect(allowedEvents(decided)).not.toContain('withdraw');
  });
});
