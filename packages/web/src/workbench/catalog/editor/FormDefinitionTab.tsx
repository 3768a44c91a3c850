import { useMemo } from 'react';
import { Alert, Button, Card, Col, ConfigProvider, Empty, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { FIELD_TYPES, validateFormDefinition, type FieldType, type FormField, type GuideContent } from '@onewindow/domain';
import { ApplicationForm } from '../../../catalog/ApplicationForm.tsx';
import { emptyFormField, toFormDefinition } from '../guideForm.ts';
import { useCatalogAdminText } from '../text.ts';
import { CodeSelect, RowActions } from './controls.tsx';
import type { Lookups } from './lookups.ts';
import './editor.css';

type NamePath = (string | number)[];

interface Props {
  form: FormInstance<GuideContent>;
  editable: boolean;
  lookups: Lookups;
}

const TEXT_TYPES: readonly FieldType[] = ['text', 'textarea', 'address'];

/** 申请表单: the fields an applicant fills in, with a live preview checked by the shared validateFormData. */
export function FormDefinitionTab({ form, editable, lookups }: Props) {
  const { t } = useCatalogAdminText();
  const watched = Form.useWatch(['form', 'fields'], form) as FormField[] | undefined;
  const definition = useMemo(() => toFormDefinition({ fields: watched ?? [] }), [watched]);
  const problems = useMemo(() => validateFormDefinition(definition), [definition]);

  return (
    <Row gutter={16} className="form-definition">
      <Col xs={24} xl={14}>
        <Form.List name={['form', 'fields']}>
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && <Empty description={t('formDef.empty')} />}
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`${index + 1}. ${watched?.[index]?.label || t('formDef.untitled')}`}
                  extra={editable && <RowActions index={index} count={fields.length} move={move} remove={remove} label={t('formDef.fieldN', { n: index + 1 })} />}
                >
                  <FieldEditor
                    form={form}
                    name={[field.name]}
                    absolute={['form', 'fields', field.name]}
                    earlier={(watched ?? []).slice(0, index)}
                    editable={editable}
                    nested={false}
                  />
                </Card>
              ))}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyFormField())}>
                  {t('formDef.add')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Col>
      <Col xs={24} xl={10}>
        <ConfigProvider componentDisabled={false}>
          <Card size="small" title={t('formDef.preview')} style={{ position: 'sticky', top: 16 }}>
            {problems.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('formDef.problems', { count: problems.length })}
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {problems.map((problem) => (
                      <li key={problem.path + problem.message}>{problem.message}</li>
                    ))}
                  </ul>
                }
                style={{ marginBottom: 12 }}
              />
            )}
            <Typography.Paragraph type="secondary">{t('formDef.previewHint')}</Typography.Paragraph>
            {definition.fields.length > 0 ? (
              <ApplicationForm key={JSON.stringify(definition)} definition={definition} regionOptions={lookups.regionOptions} />
            ) : (
              <Empty description={t('formDef.empty')} />
            )}
          </Card>
        </ConfigProvider>
      </Col>
    </Row>
  );
}

interface FieldEditorProps {
  form: FormInstance<GuideContent>;
  /** The field's name inside its Form.List. */
  name: NamePath;
  /** The field's full path in the guide form, to watch its values. */
  absolute: NamePath;
  /** Fields before this one: conditions may refer only to them, so a form can be filled top to bottom. */
  earlier: FormField[];
  editable: boolean;
  /** A table's column: no tables inside, no columns of its own. */
  nested: boolean;
}

function FieldEditor({ form, name, absolute, earlier, editable, nested }: FieldEditorProps) {
  const { t } = useCatalogAdminText();
  const field = Form.useWatch(absolute, form) as Partial<FormField> | undefined;
  const type = field?.type ?? 'text';
  const types = nested ? FIELD_TYPES.filter((candidate) => candidate !== 'table') : FIELD_TYPES;

  return (
    <>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={[...name, 'key']} label={t('formDef.key')} tooltip={t('formDef.keyHint')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={[...name, 'label']} label={t('formDef.label')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={16} md={6}>
          <Form.Item name={[...name, 'type']} label={t('formDef.type')}>
            <CodeSelect set="fieldType" codes={types} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name={[...name, 'required']} label={t('formDef.required')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[...name, 'help']} label={t('formDef.help')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        {type === 'number' && (
          <>
            <Col xs={12} md={6}>
              <Form.Item name={[...name, 'min']} label={t('formDef.min')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={[...name, 'max']} label={t('formDef.max')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {TEXT_TYPES.includes(type) && (
          <Col xs={12} md={6}>
            <Form.Item name={[...name, 'maxLength']} label={t('formDef.maxLength')}>
              <InputNumber min={1} max={5000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {type === 'table' && (
          <>
            <Col xs={12} md={6}>
              <Form.Item name={[...name, 'minRows']} label={t('formDef.minRows')}>
                <InputNumber min={0} max={200} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={[...name, 'maxRows']} label={t('formDef.maxRows')}>
                <InputNumber min={0} max={200} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {earlier.length > 0 && (
          <>
            <Col xs={24} md={12}>
              <ConditionEditor form={form} kind="visibleWhen" name={name} absolute={absolute} earlier={earlier} />
            </Col>
            <Col xs={24} md={12}>
              <ConditionEditor form={form} kind="requiredWhen" name={name} absolute={absolute} earlier={earlier} />
            </Col>
          </>
        )}
      </Row>
      {type === 'select' && <OptionsEditor name={[...name, 'options']} editable={editable} />}
      {type === 'table' && !nested && <ColumnsEditor form={form} name={name} absolute={absolute} editable={editable} />}
    </>
  );
}

function OptionsEditor({ name, editable }: { name: NamePath; editable: boolean }) {
  const { t } = useCatalogAdminText();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={t('formDef.options')}>
          <Flex vertical gap={6}>
            {fields.map((option, index) => (
              <Flex key={option.key} gap={6} align="center">
                <Form.Item name={[option.name, 'label']} noStyle>
                  <Input placeholder={t('formDef.optionLabel')} maxLength={100} aria-label={t('formDef.optionLabel')} />
                </Form.Item>
                <Form.Item name={[option.name, 'value']} noStyle>
                  <Input placeholder={t('formDef.optionValue')} maxLength={100} aria-label={t('formDef.optionValue')} style={{ width: 160 }} />
                </Form.Item>
                {editable && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(option.name)}
                    aria-label={t('list.remove', { what: t('formDef.optionN', { n: index + 1 }) })}
                  />
                )}
              </Flex>
            ))}
            {editable && (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ label: '', value: '' })} style={{ alignSelf: 'flex-start' }}>
                {t('formDef.addOption')}
              </Button>
            )}
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}

interface ConditionProps {
  form: FormInstance<GuideContent>;
  kind: 'visibleWhen' | 'requiredWhen';
  name: NamePath;
  absolute: NamePath;
  earlier: FormField[];
}

/** 显示条件 / 必填条件: when an earlier field has one of the given values. */
function ConditionEditor({ form, kind, name, absolute, earlier }: ConditionProps) {
  const { t } = useCatalogAdminText();
  const targetKey = Form.useWatch([...absolute, kind, 'field'], form) as string | undefined;
  const target = earlier.find((field) => field.key === targetKey);
  const candidates = earlier.filter((field) => field.key && field.type !== 'table');
  return (
    <Form.Item label={t(`formDef.${kind}`)} tooltip={t('formDef.conditionHint')}>
      <Flex gap={6} wrap>
        <Form.Item name={[...name, kind, 'field']} noStyle>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('formDef.conditionNone')}
            aria-label={t(`formDef.${kind}`)}
            options={candidates.map((field) => ({ value: field.key, label: field.label || field.key }))}
          />
        </Form.Item>
        {targetKey && (
          <Form.Item name={[...name, kind, 'in']} noStyle>
            <Select
              mode="tags"
              style={{ minWidth: 220 }}
              placeholder={t('formDef.conditionValues')}
              aria-label={t('formDef.conditionValues')}
              options={(target?.options ?? []).map((option) => ({ value: option.value, label: option.label }))}
            />
          </Form.Item>
        )}
      </Flex>
    </Form.Item>
  );
}

function ColumnsEditor({ form, name, absolute, editable }: Omit<FieldEditorProps, 'earlier' | 'nested'>) {
  const { t } = useCatalogAdminText();
  const columns = (Form.useWatch([...absolute, 'columns'], form) ?? []) as FormField[];
  return (
    <Form.List name={[...name, 'columns']}>
      {(fields, { add, remove, move }) => (
        <Form.Item label={t('formDef.columns')}>
          <Flex vertical gap={8}>
            {fields.map((column, index) => (
              <Card
                key={column.key}
                size="small"
                type="inner"
                title={`${index + 1}. ${columns[index]?.label || t('formDef.untitled')}`}
                extra={editable && <RowActions index={index} count={fields.length} move={move} remove={remove} label={t('formDef.columnN', { n: index + 1 })} />}
              >
                <FieldEditor
                  form={form}
                  name={[column.name]}
                  absolute={[...absolute, 'columns', column.name]}
                  earlier={columns.slice(0, index)}
                  editable={editable}
                  nested
                />
              </Card>
            ))}
            {editable && (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add(emptyFormField())} style={{ alignSelf: 'flex-start' }}>
                {t('formDef.addColumn')}
              </Button>
            )}
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
