import { Space } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import type { RegionOption } from '../regions/regionTree.ts';

interface Props {
  /** The select's element id, e.g. `staff_filter_region`. */
  id: string;
  options: RegionOption[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/** The "region" filter above an admin table; cleared, it shows every region the user may see. */
export function RegionFilter({ id, options, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Space style={{ marginBottom: 16 }}>
      <span>{t('field.region')}</span>
      <RegionTreeSelect id={id} options={options} value={value} onChange={onChange} allowClear style={{ width: 280 }} />
    </Space>
  );
}
