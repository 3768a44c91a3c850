// An application form (申请表) drawn from its declarative definition. On submit it runs the shared validateFormData,
// the very check the server runs, and shows each problem on its field (table cells included).
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Table } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { isFieldRequired, isFieldVisible, validateFormData, type FormDefinition, type FormField, type FormIssue } from '@onewindow/domain';
import { RegionTreeSelect } from '../admin/regions/RegionTreeSelect.tsx';
import type { RegionOption } from '../admin/regions/regionTree.ts';
import type { FieldProblem } from '../shared/api.ts';
import { placeFieldErrors } from '../shared/errors.ts';
import { isoDateItemProps } from '../shared/isoDate.ts';
import { useCatalogText } from './useCatalogText.ts';

type Values = Record<string, unknown>;

interface Props {
  definition: FormDefinition;
  regionOptions: RegionOption[];
  /** Called with the values once they pass validateFormData. */
  onValid?: (values: Values) => void;
  /** Values to start from (a draft), and a callback on every change (to keep the draft). */
  initialValues?: Values;
  onChange?: (values: Values) => void;
  /** The submit button's text (default 提交校验). */
  submitLabel?: ReactNode;
  /** Problems the server found, paths relative to the form data: shown on their fields as they arrive. */
  problems?: FieldProblem[];
}

export function ApplicationForm({ definition, regionOptions, onValid, initialValues, onChange, submitLabel, problems }: Props) {
  const { t } = useCatalogText();
  const [form] = Form.useForm<Values>();
  const values = (Form.useWatch([], form) ?? {}) as Values;
  const [result, setResult] = useState<{ issues: FormIssue[]; unplaced: FormIssue[] } | null>(null);

  function check() {
    const entered = cleanValues(form.getFieldsValue());
    const issues = validateFormData(definition, entered);
    // Clear the previous round's messages first; only this round's problems stay on the fields.
    form.setFields(form.getFieldsError().filter((field) => field.errors.length > 0).map((field) => ({ name: field.name, errors: [] })));
    const unplaced = placeFieldErrors(form, issues);
    setResult({ issues, unplaced });
    if (issues.length === 0) onValid?.(entered);
  }

  useEffect(() => {
    if (!problems || problems.length === 0) return;
    setResult({ issues: problems, unplaced: placeFieldErrors(form, problems) });
  }, [form, problems]);

  return (
    <Form
      form={form}
      layout="vertical"
      preserve={false}
      onFinish={check}
      name="applicationPreview"
      initialValues={initialValues}
      onValuesChange={onChange ? (_changed, all: Values) => onChange(cleanValues(all)) : undefined}
    >
      {definition.fields
        .filter((field) => isFieldVisible(field, values))
        .map((field) => (
          <FieldInput key={field.key} field={field} values={values} regionOptions={regionOptions} />
        ))}
      {result && (
        <Alert
          type={result.issues.length === 0 ? 'success' : 'error'}
          showIcon
          title={result.issues.length === 0 ? t('form.valid') : t('form.invalid', { count: result.issues.length })}
          description={
            result.unplaced.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {result.unplaced.map((issue) => (
                  <li key={issue.path}>{issue.message}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Button type="primary" htmlType="submit">
        {submitLabel ?? t('form.submit')}
      </Button>
    </Form>
  );
}

interface FieldProps {
  field: FormField;
  values: Values;
  regionOptions: RegionOption[];
}

function FieldInput({ field, values, regionOptions }: FieldProps) {
  if (field.type === 'table') return <TableInput field={field} values={values} regionOptions={regionOptions} />;
  return (
    <Form.Item
      name={field.key}
      label={field.label}
      extra={field.help}
      required={isFieldRequired(field, values)}
      {...valueAdapter(field)}
    >
      {control(field, regionOptions)}
    </Form.Item>
  );
}

function TableInput({ field, values, regionOptions }: FieldProps) {
  const { t } = useCatalogText();
  const columns = field.columns ?? [];
  const rows = Array.isArray(values[field.key]) ? (values[field.key] as Values[]) : [];
  return (
    <Form.Item label={field.label} extra={field.help} required={isFieldRequired(field, values)}>
      <Form.List name={field.key}>
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            <Table
              size="small"
              pagination={false}
              dataSource={items.map((item) => ({ key: item.key, name: item.name }))}
              scroll={{ x: true }}
              columns={[
                ...columns.map((column) => ({
                  title: column.label,
                  key: column.key,
                  render: (_value: unknown, row: { name: number }) => {
                    const rowValues = rows[row.name] ?? {};
                    if (!isFieldVisible(column, rowValues)) return null;
                    return (
                      <Form.Item name={[row.name, column.key]} style={{ margin: 0 }} required={isFieldRequired(column, rowValues)} {...valueAdapter(column)}>
                        {control(column, regionOptions)}
                      </Form.Item>
                    );
                  },
                })),
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_value: unknown, row: { name: number }) => (
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('form.removeRow')} />
                  ),
                },
              ]}
            />
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
              {t('form.addRow')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Dates travel as YYYY-MM-DD text (what validateFormData and the server take); the picker works with dayjs. */
function valueAdapter(field: FormField) {
  return field.type === 'date' ? isoDateItemProps : {};
}

function control(field: FormField, regionOptions: RegionOption[]) {
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={field.maxLength} />;
    case 'number':
      return <InputNumber min={field.min} max={field.max} style={{ width: '100%' }} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'select':
      return <Select allowClear options={field.options ?? []} />;
    case 'region':
      return <RegionTreeSelect options={regionOptions} allowClear />;
    case 'idNumber':
      return <Input maxLength={18} autoComplete="off" />;
    case 'uscc':
      return <Input maxLength={18} autoComplete="off" />;
    case 'phone':
      return <Input inputMode="tel" maxLength={11} autoComplete="off" />;
    default:
      return <Input maxLength={field.maxLength} />;
  }
}

/** What the applicant entered, without the empty cells antd keeps for untouched inputs. */
function cleanValues(values: Values): Values {
  const cleaned: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    cleaned[key] = Array.isArray(value) ? value.map((row) => (isRecord(row) ? cleanValues(row) : row)) : value;
  }
  return cleaned;
}

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
