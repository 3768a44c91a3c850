import { Descriptions, Grid, Table, Typography } from 'antd';
import type { FormDefinition, FormField } from '@onewindow/domain';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ItemList, Region } from '../shared/types.ts';
import { useApi } from '../shared/useApi.ts';
import { formatFieldValue, tableRows, visibleFields, type ValueWords } from './formData.ts';
import { useCaseText } from './useCaseText.ts';

interface Props {
  form: FormDefinition;
  values: Record<string, unknown>;
}

/** The application form as filled in, under the labels of the guide version the case was applied under. */
export function FormDataView({ form, values }: Props) {
  const { t } = useCaseText();
  const { formatDate } = useI18n();
  const hasRegion = form.fields.some((field) => field.type === 'region' || field.columns?.some((column) => column.type === 'region'));
  // The region list is public; fetched only for forms that ask for a region.
  const regions = useApi<ItemList<Region>>(hasRegion ? '/api/org/regions' : null);
  const regionNames = new Map((regions.data?.items ?? []).map((region) => [region.code, region.name]));
  const words: ValueWords = { regionName: (code) => regionNames.get(code), formatDate };
  const fields = visibleFields(form.fields, values);
  const empty = <Typography.Text type="secondary">{t('form.empty')}</Typography.Text>;
  // On a phone a label beside an 18-digit ID number is left one character per line: each label goes above its value.
  const stacked = Grid.useBreakpoint().sm === false;

  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      layout={stacked ? 'vertical' : 'horizontal'}
      data-testid="case-form-data"
      items={fields.map((field) => ({
        key: field.key,
        label: field.label,
        children: field.type === 'table' ? <FieldTable field={field} value={values[field.key]} words={words} /> : (formatFieldValue(field, values[field.key], words) ?? empty),
      }))}
    />
  );
}

function FieldTable({ field, value, words }: { field: FormField; value: unknown; words: ValueWords }) {
  const rows = tableRows(value).map((cells, index) => ({ key: index, cells }));
  const columns = field.columns ?? [];
  // The description list is an HTML table that would grow to fit the widest row; taking no width of its own (and then
  // all the cell's) lets a table wider than the screen scroll inside the cell instead of widening the page.
  return (
    <div style={{ width: 0, minWidth: '100%' }}>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={columns.map((column) => ({
          key: column.key,
          title: column.label,
          render: (_value: unknown, row: (typeof rows)[number]) => formatFieldValue(column, row.cells[column.key], words) ?? '—',
        }))}
      />
    </div>
  );
}
