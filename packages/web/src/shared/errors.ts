// Turning an ApiError into something the user sees: field errors next to their field, the rest as a message.
import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { ApiError, type FieldProblem } from './api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** `/roles/0/regionCode` → ['roles', 0, 'regionCode'] (antd's name path for a Form.List field). */
export function pointerToNamePath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Shows each field problem on the matching form field; returns the problems no field on the form could show. */
export function placeFieldErrors(form: FormInstance, problems: FieldProblem[]): FieldProblem[] {
  const registered = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
  const byField = new Map<string, string[]>();
  const unplaced: FieldProblem[] = [];
  for (const problem of problems) {
    const key = JSON.stringify(pointerToNamePath(problem.path));
    if (!registered.has(key)) {
      unplaced.push(problem);
      continue;
    }
    byField.set(key, [...(byField.get(key) ?? []), problem.message]);
  }
  form.setFields(
    [...byField].map(([key, errors]) => ({ name: JSON.parse(key) as (string | number)[], errors })),
  );
  return unplaced;
}

export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.code === 'NETWORK_ERROR') return t('error.network');
  return error.detail ?? error.title;
}

/** `(error, form?) => void`: field problems go onto `form`, everything else into a toast. */
export function useProblemHandler() {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form && error instanceof ApiError && error.errors.length > 0) {
        const unplaced = placeFieldErrors(form, error.errors);
        if (unplaced.length > 0) message.error(unplaced.map((problem) => problem.message).join('；'));
        return;
      }
      message.error(describeError(error, t));
    },
    [message, t],
  );
}

/**
 * The problems of one part of a request (`/action/…` of a case action, `/querystring/…` of a search) as paths of the
 * form that filled that part, so they land on its fields.
 */
export function relativeTo(error: unknown, part: string): unknown {
  const prefix = `${part}/`;
  if (!(error instanceof ApiError) || !error.errors.some((problem) => problem.path.startsWith(prefix))) return error;
  const errors = error.errors.map((problem) => (problem.path.startsWith(prefix) ? { ...problem, path: problem.path.slice(part.length) } : problem));
  return new ApiError(error.status, error.code, error.title, error.detail, errors, error.body);
}
