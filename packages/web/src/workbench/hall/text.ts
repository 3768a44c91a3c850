import { useMessages } from '../../i18n/I18nProvider.tsx';
import { hallMessages } from './messages.ts';

/** `t` for the window clerk's desk. */
export function useHallText() {
  return { t: useMessages(hallMessages) };
}
