// 一窗无差别综合受理: a comprehensive window (综合窗口) takes in every item; a domain window (分领域综合窗口) only the
// items of its service domains. Pure, so the intake screen can say so before the server refuses.

export interface ServiceWindow {
  kind: 'comprehensive' | 'domain';
  domains: { code: string; name: string }[];
}

export type WindowFit = { ok: true } | { ok: false; reason: string };

/** Whether the window may take in an item of `itemDomain`, and if not, which window the applicant should go to. */
export function windowServes(window: ServiceWindow, itemDomain: { code: string; name: string }): WindowFit {
  if (window.kind === 'comprehensive') return { ok: true };
  if (window.domains.some((d) => d.code === itemDomain.code)) return { ok: true };
  const served = window.domains.map((d) => d.name).join('、');
  return {
    ok: false,
    reason: `本窗口为${served}领域窗口，不能受理“${itemDomain.name}”领域的事项；请引导申请人到综合受理窗口或${itemDomain.name}窗口办理`,
  };
}
