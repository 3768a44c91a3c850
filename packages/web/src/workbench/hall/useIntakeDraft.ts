// The intake draft kept on the server (PUT /api/hall/draft) a moment after each change, so a reload, a crash or
// another browser at the window carries on where the clerk was. The decision removes it on the server.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';
import { EMPTY_DRAFT, type IntakeDraft } from './intakeDraft.ts';

const SAVE_DELAY_MS = 600;

export function useIntakeDraft() {
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const [restored, setRestored] = useState<IntakeDraft | null | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const dirty = useRef(false);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(draft);
  latest.current = draft;

  const save = useCallback(() => {
    dirty.current = false;
    const request = api.put<{ updatedAt: string }>('/api/hall/draft', { data: latest.current }).then((r) => setSavedAt(r.updatedAt), () => (dirty.current = true));
    saving.current = request;
    return request;
  }, []);

  useEffect(() => {
    let cancelled = false;
    void api.get<{ draft: { data: IntakeDraft; updatedAt: string } | null }>('/api/hall/draft').then(
      (r) => {
        if (cancelled) return;
        const data = r.draft ? { ...EMPTY_DRAFT, ...r.draft.data } : null;
        if (data) setDraft(data);
        setSavedAt(r.draft?.updatedAt ?? null);
        setRestored(data);
      },
      () => !cancelled && setRestored(null),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, save]);

  /** Before the decision: no save may land after the server has removed the draft with the new case. */
  const settle = useCallback(async () => {
    await saving.current;
    if (dirty.current) await save();
  }, [save]);

  const update = useCallback((change: (current: IntakeDraft) => IntakeDraft) => {
    dirty.current = true;
    setDraft(change);
  }, []);

  /** After the decision (the server has removed the draft) or when the clerk discards it. */
  const reset = useCallback(async (discardOnServer: boolean) => {
    dirty.current = false;
    setDraft(EMPTY_DRAFT);
    setSavedAt(null);
    if (discardOnServer) await api.delete('/api/hall/draft');
  }, []);

  return { draft, update, reset, settle, restored, savedAt, loading: restored === undefined };
}
