// What the applicant is told at each step, and what staff are told when a deadline nears: an in-app message and an
// SMS, both written in the step's own transaction (the SMS through the outbox, sent after commit and retried).
import type { Transaction } from 'kysely';
import { chineseDate, type CaseEvent, type GuideContent } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import type { CaseRow } from './engine.ts';

export interface Notice {
  title: string;
  body: string;
}

/** A notice to the applicant about one case event. */
export interface CaseNotice extends Notice {
  eventType: string;
}

/** What the applicant is told at 办结, by the delivery they chose (or both ways when they chose none). */
const HOW_DELIVERED = {
  pickup: '请凭身份证件到窗口领取。',
  mail: '结果将邮寄至您填写的地址。',
  electronic: '结果将以电子方式送达，请在“我的办件”中查看。',
  unknown: '请凭身份证件到窗口领取，或等待邮寄送达。',
} as const;

function dueText(row: CaseRow): string {
  return row.due_date ? `，承诺办结日期${chineseDate(row.due_date)}` : '';
}

/** The notice for an event the applicant must know about; null for internal steps. */
export function applicantNotice(row: CaseRow, event: CaseEvent, guide: GuideContent): Notice | null {
  const item = `“${row.item_name}”（办件编号 ${row.number}）`;
  switch (event.type) {
    case 'submit':
      return { title: '申请已提交', body: `您申请的${item}已提交，正在预审。` };
    case 'accept':
      return { title: '已受理', body: `您申请的${item}已受理${dueText(row)}。${event.deferred?.length ? '请按承诺时间补交容缺材料。' : ''}` };
    case 'request_correction':
      return {
        title: '请补齐补正材料',
        body: `您申请的${item}需补齐补正${event.items.length}项材料，请于${chineseDate(event.dueDate)}前补正：${event.items.map((i) => i.fix).join('；')}。逾期未补正的视为撤回申请。`,
      };
    case 'refuse':
      return { title: '不予受理', body: `您申请的${item}不予受理。理由：${event.reason}。${event.remedies}` };
    case 'correction_expired':
      return { title: '已退件', body: `您申请的${item}补正期限已届满，未补正，已作退件处理。` };
    case 'start_special':
      return { title: '进入特别程序', body: `您申请的${item}进入特别程序（${event.reason}），其间不计入办理时限，结束后将另行告知。` };
    case 'end_special':
      return { title: '特别程序结束', body: `您申请的${item}特别程序已结束（${event.result}），恢复计时${dueText(row)}。` };
    case 'decide_extension':
      return event.approve ? { title: '办理期限延长', body: `您申请的${item}经批准延长办理期限${dueText(row)}。` } : null;
    case 'decide':
      return event.grant
        ? { title: '准予许可', body: `您申请的${item}已准予。${guide.resultName ? `结果（${guide.resultName}）` : '结果'}将按您选择的方式送达。` }
        : { title: '不予许可', body: `您申请的${item}不予许可。理由：${event.reason ?? ''}。${event.remedies ?? ''}` };
    case 'complete':
      return { title: '已办结', body: `您申请的${item}已办结，${HOW_DELIVERED[row.delivery?.method ?? 'unknown']}` };
    case 'deliver':
      return { title: '已送达', body: `您申请的${item}结果已送达${event.method === 'mail' && event.reference ? `（邮件号 ${event.reference}）` : ''}。` };
    case 'withdraw':
      return { title: '已撤回', body: `您申请的${item}已撤回。` };
    default:
      return null;
  }
}

/** The SMS copy of an applicant's notice, for the outbox. */
export function smsFor(row: CaseRow, notice: CaseNotice) {
  return { phone: row.applicant_phone, text: `【一窗通办】${notice.body}`, purpose: `case.${notice.eventType}` };
}

/** In-app messages to staff (deadline warnings); staff read them on the workbench. */
export async function notifyStaff(trx: Transaction<DB>, staffIds: string[], caseId: string, notice: Notice): Promise<void> {
  const unique = [...new Set(staffIds)];
  if (unique.length === 0) return;
  await trx.insertInto('messages').values(unique.map((id) => ({ recipient_kind: 'staff' as const, recipient_id: id, case_id: caseId, ...notice }))).execute();
}
