// The application draft on the server: created by the first save (POST /api/cases), then saved with the version it
// was read at (PUT …/draft), 2 s after the last change or at once on 保存草稿. Saves run one at a time; changes made
// during a save are saved right after it. Another device having saved first answers 409 CASE_VERSION_CONFLICT.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../../shared/api.ts';
import type { MaterialInput } from './applyModel.ts';

export interface DraftRef {
  id: string;
  number: string;
  version: number;
}

export interface DraftContent {
  formData: Record<string, unknown>;
  materials: MaterialInput[];
  /** A company's 经办人; left out, the one saved stays. */
  agent?: { name: string; idNumber: string; phone: string; authorisation: string | null };
}

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

const AUTOSAVE_MS = 2000;

interface Options {
  itemCode: string;
  initial: DraftRef | null;
  /** The first save created the draft: put it into the address, so a reload continues it. */
  onCreated: (draft: DraftRef) => void;
  /** Another device saved first: reload the draft from the server. */
  onConflict: () => void;
}

export function useDraft({ itemCode, initial, onCreated, onConflict }: Options) {
  const [draft, setDraft] = useState<DraftRef | null>(initial);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = useRef<DraftRef | null>(initial);
  const pending = useRef<DraftContent | null>(null);
  const running = useRef<Promise<DraftRef | null> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const callbacks = useRef({ onCreated, onConflict });
  useEffect(() => {
    callbacks.current = { onCreated, onConflict };
  }, [onCreated, onConflict]);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const saveOnce = useCallback(async (content: DraftContent): Promise<DraftRef> => {
    const known = current.current;
    const saved = known
      ? await api.put<DraftRef>(`/api/cases/${encodeURIComponent(known.id)}/draft`, { expectedVersion: known.version, ...content })
      : await api.post<DraftRef>('/api/cases', { itemCode, channel: 'online', ...content });
    const next = { id: saved.id, number: saved.number ?? known?.number ?? '', version: saved.version };
    current.current = next;
    setDraft(next);
    if (!known) callbacks.current.onCreated(next);
    return next;
  }, [itemCode]);

  /** Saves what changed (nothing if nothing did) and resolves with the draft as saved. */
  const flush = useCallback(async (): Promise<DraftRef | null> => {
    clearTimer();
    while (running.current) await running.current.catch(() => null);
    const content = pending.current;
    if (!content) return current.current;
    pending.current = null;
    setStatus('saving');
    const work = saveOnce(content).then(
      (saved) => {
        setStatus(pending.current ? 'dirty' : 'saved');
        setSavedAt(new Date());
        setError(null);
        return saved;
      },
      (failure: unknown) => {
        // Kept for the next try, unless newer changes came in meanwhile.
        pending.current ??= content;
        setError(failure);
        setStatus('error');
        if (isApiError(failure, 'CASE_VERSION_CONFLICT')) {
          pending.current = null;
          callbacks.current.onConflict();
        }
        throw failure;
      },
    );
    running.current = work;
    try {
      return await work;
    } finally {
      running.current = null;
      if (pending.current && !timer.current) timer.current = setTimeout(() => void flush().catch(() => null), AUTOSAVE_MS);
    }
  }, [saveOnce]);

  /** Something changed: remember it and save a moment after the last change. */
  const change = useCallback((content: DraftContent) => {
    pending.current = content;
    setStatus((previous) => (previous === 'saving' ? previous : 'dirty'));
    clearTimer();
    timer.current = setTimeout(() => void flush().catch(() => null), AUTOSAVE_MS);
  }, [flush]);

  /** Forgets unsaved changes (the draft was discarded or submitted). */
  const forget = useCallback(() => {
    clearTimer();
    pending.current = null;
    setStatus('saved');
  }, []);

  // Leaving for another page of the portal saves what is pending instead of dropping it (an upload or typing of the
  // last two seconds). The page is gone then: the draft is not put into its address, nor a conflict reloaded into it.
  useEffect(
    () => () => {
      clearTimer();
      if (!pending.current) return;
      callbacks.current = { onCreated: () => {}, onConflict: () => {} };
      void flush().catch(() => null);
    },
    [flush],
  );

  /** The version the server now holds, after an action that changed it (submit). */
  const setVersion = useCallback((version: number) => {
    if (!current.current) return;
    current.current = { ...current.current, version };
    setDraft(current.current);
  }, []);

  return { draft, status, savedAt, error, change, flush, forget, setVersion, hasUnsaved: () => pending.current !== null || running.current !== null };
}
