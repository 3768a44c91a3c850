import type { ReactNode } from 'react';
import { Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Row, Tag, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { MATERIAL_FORMS, MATERIAL_NECESSITY, MATERIAL_SOURCES, MATERIAL_TYPES, type GuideContent, type Material } from '@onewindow/domain';
import { required } from '../../../shared/rules.ts';
import { FileField } from '../FileField.tsx';
import { emptyMaterial, newId } from '../guideForm.ts';
import { useCatalogAdminText } from '../text.ts';
import { CodeSelect, RowActions } from './controls.tsx';

interface Props {
  form: FormInstance<GuideContent>;
  editable: boolean;
}

/** 申请材料: each material with its source, necessity, copies, downloadable forms and the points a clerk checks. */
export function MaterialsTab({ form, editable }: Props) {
  const { t } = useCatalogAdminText();
  return (
    <Form.List name="materials">
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={12}>
          {fields.length === 0 && <Empty description={t('material.empty')} />}
          {fields.map((field, index) => (
            <MaterialCard
              key={field.key}
              form={form}
              name={field.name}
              index={index}
              editable={editable}
              actions={editable && <RowActions index={index} count={fields.length} move={move} remove={remove} label={t('material.title', { n: index + 1 })} />}
            />
          ))}
          {editable && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyMaterial())} data-testid="material-add">
              {t('material.add')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

interface CardProps extends Props {
  name: number;
  index: number;
  actions: ReactNode;
}

function MaterialCard({ form, name, index, editable, actions }: CardProps) {
  const { t, code } = useCatalogAdminText();
  const material = Form.useWatch(['materials', name], form) as Partial<Material> | undefined;
  const necessity = material?.necessity;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{t('material.title', { n: index + 1 })}</span>
          <span style={{ fontWeight: 'normal' }}>{material?.name}</span>
          {necessity && <Tag color={necessity === 'deferrable' ? 'orange' : necessity === 'required' ? 'red' : undefined}>{code('necessity', necessity)}</Tag>}
        </Flex>
      }
      extra={actions}
    >
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'name']} label={t('field.materialName')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'issuer']} label={t('field.issuer')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'source']} label={t('field.source')}>
            <CodeSelect set="materialSource" codes={MATERIAL_SOURCES.codes} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'necessity']} label={t('field.necessity')}>
            <CodeSelect set="necessity" codes={MATERIAL_NECESSITY.codes} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'type']} label={t('field.materialType')}>
            <CodeSelect set="materialType" codes={MATERIAL_TYPES.codes} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'form']} label={t('field.materialForm')}>
            <CodeSelect set="materialForm" codes={MATERIAL_FORMS.codes} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'originalCount']} label={t('field.originalCount')}>
            <InputNumber min={0} max={99} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'copyCount']} label={t('field.copyCount')}>
            <InputNumber min={0} max={99} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'blankForm']} label={t('field.blankForm')}>
            <FileField disabled={!editable} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name={[name, 'sample']} label={t('field.sample')}>
            <FileField disabled={!editable} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'fillingNotes']} label={t('field.fillingNotes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'acceptanceStandard']} label={t('field.acceptanceStandard')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'basis']} label={t('field.materialBasis')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[name, 'licenceTypeCode']} label={t('field.licenceTypeCode')} extra={t('field.licenceTypeCodeHint')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <ReviewPoints materialName={name} editable={editable} />
        </Col>
      </Row>
    </Card>
  );
}

/** 审查要点: one line each, a thing the window clerk can verify on the spot. */
function ReviewPoints({ materialName, editable }: { materialName: number; editable: boolean }) {
  const { t } = useCatalogAdminText();
  return (
    <Form.List name={[materialName, 'reviewPoints']}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('field.reviewPoints')} extra={t('field.reviewPointsHint')} style={{ marginBottom: 0 }}>
          <Flex vertical gap={6}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={6} align="center">
                <span style={{ width: 20, textAlign: 'right' }}>{index + 1}.</span>
                <Form.Item name={[field.name, 'text']} noStyle rules={[required]}>
                  <Input maxLength={300} aria-label={t('field.reviewPointN', { n: index + 1 })} />
                </Form.Item>
                {editable && (
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('list.remove', { what: t('field.reviewPointN', { n: index + 1 }) })} />
                )}
              </Flex>
            ))}
            {editable && (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ id: newId('p'), text: '' })} style={{ alignSelf: 'flex-start' }}>
                {t('reviewPoint.add')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}
