import { Input } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface Props {
  /** The query already searched for; the box starts from it (remount with `key` to follow a new one). */
  initial?: string;
  onSearch: (query: string) => void;
}

/** The portal's item search box (`#portal-search`): Chinese, full pinyin or initials (yyzz), word order free. */
export function SearchBox({ initial, onSearch }: Props) {
  const { t } = useI18n();
  return (
    <Input.Search
      id="portal-search"
      size="large"
      allowClear
      defaultValue={initial}
      placeholder={t('landing.searchPlaceholder')}
      aria-label={t('landing.searchLabel')}
      enterButton={t('landing.searchButton')}
      maxLength={100}
      onSearch={(value) => onSearch(value.trim())}
    />
  );
}

export function searchPath(query: string): string {
  return query ? `/search?q=${encodeURIComponent(query)}` : '/search';
}
