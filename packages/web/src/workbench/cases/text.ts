import { useMessages } from '../../i18n/I18nProvider.tsx';
import { caseAdminMessages } from './messages.ts';

/** `t` for the workbench's case text; the text staff and applicants share is `useCaseText`. */
export function useCaseAdminText() {
  return { t: useMessages(caseAdminMessages) };
}
