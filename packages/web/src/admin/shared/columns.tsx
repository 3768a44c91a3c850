import { Switch, type TableColumnType } from 'antd';
import type { MessageKey } from '../../i18n/messages.ts';
import { EditLink } from './EditLink.tsx';

type Translate = (key: MessageKey) => string;

/**
 * The actions column holding only an "edit" link. With `stopPropagation` the click does not reach the row
 * (for tables whose rows are themselves clickable).
 */
export function editColumn<Row>(t: Translate, onEdit: (row: Row) => void, options: { stopPropagation?: boolean } = {}): TableColumnType<Row> {
  return {
    title: t('common.actions'),
    key: 'actions',
    render: (_value, row) => (
      <EditLink
        onClick={(event) => {
          if (options.stopPropagation) event.stopPropagation();
          onEdit(row);
        }}
      />
    ),
  };
}

/** The `active` column: a switch that enables or disables the row, spinning while `isToggling(row)`. */
export function activeColumn<Row>(
  t: Translate,
  isToggling: (row: Row) => boolean,
  onToggle: (row: Row, active: boolean) => void,
): TableColumnType<Row> {
  return {
    title: t('field.active'),
    dataIndex: 'active',
    render: (active: boolean, row) => (
      <Switch checked={active} loading={isToggling(row)} onChange={(next) => onToggle(row, next)} aria-label={t('field.active')} />
    ),
  };
}
