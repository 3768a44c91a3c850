import { Timeline, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useCaseText } from './useCaseText.ts';

/** One entry as the staff file, the applicant's view and the public tracking page all have it (some fields missing). */
export interface TimelineItem {
  key: string | number;
  type?: string;
  label: string;
  at: string;
  step: string | null;
  actorName?: string;
  opinion?: string | null;
  event?: Record<string, unknown>;
}

interface Props {
  items: TimelineItem[];
  /** Staff see who acted and their opinion; applicants and the public only what was done and when. */
  showHandling?: boolean;
}

function colourOf(item: TimelineItem): string {
  const grant = item.event?.grant;
  if (item.type === 'refuse' || item.type === 'correction_expired' || item.type === 'withdraw' || (item.type === 'decide' && grant === false)) return 'red';
  if (item.type === 'request_correction' || item.type === 'send_back' || item.type === 'start_special') return 'orange';
  if (item.type === 'decide' || item.type === 'deliver' || item.type === 'complete') return 'green';
  return 'blue';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** 办理过程: every action on the case in order, with its step and, for a refusal, the reasons told to the applicant. */
export function CaseTimeline({ items, showHandling = false }: Props) {
  const { formatDateTime } = useI18n();
  const { t, eventLabel } = useCaseText();
  if (items.length === 0) return <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="case-timeline"
      items={items.map((item) => {
        const opinion = showHandling ? text(item.opinion) : null;
        // A 特别程序's or an extension's reason is also its opinion: said once.
        const reason = text(item.event?.reason) === opinion ? null : text(item.event?.reason);
        const remedies = text(item.event?.remedies);
        return {
          key: item.key,
          color: colourOf(item),
          content: (
            <div data-testid="timeline-entry">
              <Typography.Text strong>{eventLabel(item)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {formatDateTime(item.at)}
                {showHandling && item.actorName ? ` · ${item.actorName}` : ''}
              </Typography.Text>
              {item.step && <div>{t('timeline.step', { step: item.step })}</div>}
              {opinion && <div>{t('timeline.opinion', { text: opinion })}</div>}
              {reason && <div>{t('timeline.reason', { text: reason })}</div>}
              {remedies && <div>{t('timeline.remedies', { text: remedies })}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
