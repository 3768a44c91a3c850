import { useCallback } from 'react';
import { useI18n, useMessages } from '../i18n/I18nProvider.tsx';
import { caseMessages, CREATE_ONLINE_EN, EVENT_LABELS_EN, isCaseTextKey } from './messages.ts';

const isOnlineChannel = (channel: string | undefined) => channel === 'online' || channel === 'mobile';

/**
 * `t` for the shared case text, `status(code)` and `receivedAs(code)` for code labels (the code itself if unknown),
 * and `eventLabel` for a timeline entry.
 */
export function useCaseText() {
  const { locale } = useI18n();
  const t = useMessages(caseMessages);
  const label = useCallback((key: string, fallback: string) => (isCaseTextKey(key) ? t(key) : fallback), [t]);
  const status = useCallback((code: string) => label(`status.${code}`, code), [label]);
  const receivedAs = useCallback((code: string) => label(`receivedAs.${code}`, code), [label]);
  const eventLabel = useCallback(
    (entry: { type?: string; label: string; event?: unknown }) => {
      if (locale === 'zh' || !entry.type) return entry.label;
      if (entry.type === 'create' && isOnlineChannel((entry.event as { channel?: string } | undefined)?.channel)) return CREATE_ONLINE_EN;
      return EVENT_LABELS_EN[entry.type as keyof typeof EVENT_LABELS_EN] ?? entry.label;
    },
    [locale],
  );
  return { t, status, receivedAs, eventLabel };
}
