// Small pieces the guide editor's tabs share: a select over a code set, and a list row's move/remove buttons.
import { Button, Select, Space, type SelectProps } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { CodeSetName } from '../../../catalog/messages.ts';
import { useCatalogAdminText } from '../text.ts';

interface CodeSelectProps extends Omit<SelectProps, 'options'> {
  set: CodeSetName;
  codes: readonly string[];
}

/** A Select over one code set, labelled in the current language; a Form control like any Select. */
export function CodeSelect({ set, codes, ...props }: CodeSelectProps) {
  const { code } = useCatalogAdminText();
  return <Select {...props} options={codes.map((value) => ({ value, label: code(set, value) }))} />;
}

interface RowActionsProps {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  /** What the row is, for the buttons' accessible names ("材料 2"). */
  label: string;
}

export function RowActions({ index, count, move, remove, label }: RowActionsProps) {
  const { t } = useCatalogAdminText();
  return (
    <Space size={0}>
      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('list.moveUp', { what: label })} />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
        aria-label={t('list.moveDown', { what: label })}
      />
      <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label={t('list.remove', { what: label })} />
    </Space>
  );
}
