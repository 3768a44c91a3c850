import type { CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RegionOption } from './regionTree.ts';

interface Props {
  options: RegionOption[];
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
}

/** Picks one region from the tree; searchable by name or code. Works as an antd Form control. */
export function RegionTreeSelect({ options, value, onChange, id, allowClear, disabled, style }: Props) {
  const { t } = useI18n();
  return (
    <TreeSelect
      id={id}
      treeData={options}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={t('field.regionPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={style ?? { width: '100%' }}
    />
  );
}
