import { Tag } from 'antd';
import type { ImplementationStatus, VersionStatus } from '../../catalog/types.ts';
import { useCatalogAdminText } from './text.ts';

const VERSION_COLORS: Record<VersionStatus, string> = { draft: 'orange', submitted: 'blue', published: 'green' };

/** 草稿 / 待发布 / 已发布 for the latest version, and 已停用 when the item itself is withdrawn. */
export function StatusTags({ itemStatus, versionStatus }: { itemStatus: ImplementationStatus; versionStatus: VersionStatus | null }) {
  const { t } = useCatalogAdminText();
  return (
    <>
      {itemStatus === 'withdrawn' && <Tag color="red">{t('status.withdrawn')}</Tag>}
      {versionStatus && <Tag color={VERSION_COLORS[versionStatus]}>{t(`status.${versionStatus}`)}</Tag>}
    </>
  );
}
