import { useCallback } from 'react';
import { useI18n, useMessages } from '../i18n/I18nProvider.tsx';
import { catalogMessages, isCatalogKey, type CodeSetName } from './messages.ts';

/**
 * `t` for the catalogue's own text, `code(set, value)` for a code's label (the code itself if unknown), and `join`
 * for a list of labels (、 in Chinese, a comma in English).
 */
export function useCatalogText() {
  const { locale } = useI18n();
  const t = useMessages(catalogMessages);
  const code = useCallback(
    (set: CodeSetName, value: string) => {
      const key = `${set}.${value}`;
      return isCatalogKey(key) ? t(key) : value;
    },
    [t],
  );
  const join = useCallback((items: string[]) => items.join(locale === 'zh' ? '、' : ', '), [locale]);
  return { t, code, join };
}
