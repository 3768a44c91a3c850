import { Button, Flex } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** The "next page" of a keyset-paginated list; hidden once the server says there is no next cursor. */
export function LoadMore({ hasMore, loading, onClick }: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      <Button onClick={onClick} loading={loading}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
