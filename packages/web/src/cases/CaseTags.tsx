import { Tag } from 'antd';
import type { CaseStatus, ClockColour } from '@onewindow/domain';
import { clockTag } from './clock.ts';
import { useCaseText } from './useCaseText.ts';

const STATUS_COLOURS: Record<CaseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  received: 'processing',
  awaiting_correction: 'warning',
  in_review: 'processing',
  suspended: 'purple',
  decided: 'cyan',
  completed: 'green',
  delivered: 'success',
  closed: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { status: label } = useCaseText();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-testid="case-status">
      {label(status)}
    </Tag>
  );
}

/** The deadline clock (绿/黄/红/暂停) with the working days left; nothing before acceptance or after the decision. */
export function ClockTag({ clock, remaining }: { clock: ClockColour | null; remaining: number | null }) {
  const { t } = useCaseText();
  if (!clock) return null;
  const tag = clockTag(clock, remaining);
  return (
    <Tag color={tag.color} data-testid="case-clock">
      {t(tag.key, tag.params)}
    </Tag>
  );
}
