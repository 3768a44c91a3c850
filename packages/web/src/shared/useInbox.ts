import { useCallback, useEffect } from 'react';
import { api } from './api.ts';
import type { Inbox, InboxMessage } from './types.ts';
import { useApi } from './useApi.ts';

/** New messages (a deadline warning, a case decided) show up without a reload within this time. */
const POLL_MS = 60_000;

/** The signed-in user's messages, polled while the page is open, and a way to mark one read. */
export function useInbox() {
  const inbox = useApi<Inbox>('/api/messages');
  const { reload } = inbox;

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const markRead = useCallback(
    async (message: InboxMessage) => {
      if (message.readAt) return;
      await api.post(`/api/messages/${encodeURIComponent(message.id)}/read`);
      reload();
    },
    [reload],
  );

  return { ...inbox, markRead };
}
