import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { COMPANY_THEMES, EXERCISE_LEVELS, ITEM_TYPES, PERSON_THEMES, RESULT_TYPES, SERVICE_OBJECTS } from '@onewindow/domain';
import { required } from '../../../shared/rules.ts';
import { FileField } from '../FileField.tsx';
import { useCatalogAdminText } from '../text.ts';
import { CodeSelect, RowActions } from './controls.tsx';

/** 基本信息: the item itself (name, type, basis, who it serves), who implements it, its conditions, result and FAQs. */
export function BasicTab({ editable }: { editable: boolean }) {
  const { t, tc, code } = useCatalogAdminText();
  const themeOptions = [
    { label: tc('search.personThemes'), options: PERSON_THEMES.codes.map((value) => ({ value, label: code('theme', value) })) },
    { label: tc('search.companyThemes'), options: COMPANY_THEMES.codes.map((value) => ({ value, label: code('theme', value) })) },
  ];
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('section.item')}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="name" label={t('field.name')} rules={[required]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={6}>
            <Form.Item name="basicCode" label={t('field.basicCode')} extra={t('field.basicCodeFixed')}>
              <Input disabled />
            </Form.Item>
          </Col>
          <Col xs={12} lg={3}>
            <Form.Item name="itemType" label={t('field.itemType')}>
              <CodeSelect set="itemType" codes={ITEM_TYPES.codes} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={3}>
            <Form.Item name="exerciseLevel" label={t('field.exerciseLevel')}>
              <CodeSelect set="exerciseLevel" codes={EXERCISE_LEVELS.codes} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="serviceObjects" label={t('field.serviceObjects')} rules={[{ required: true, type: 'array', min: 1, message: t('new.serviceObjectsRequired') }]}>
              <CodeSelect set="serviceObject" codes={SERVICE_OBJECTS.codes} mode="multiple" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="themes" label={t('field.themes')} extra={t('field.themesHint')}>
              <Select mode="multiple" options={themeOptions} maxCount={10} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="legalBasis" label={t('field.legalBasis')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('section.body')}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="implementingBody" label={t('field.implementingBody')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={6}>
            <Form.Item name="implementingBodyCode" label={t('field.implementingBodyCode')}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={6}>
            <Form.Item name="implementingBodyNature" label={t('field.implementingBodyNature')}>
              <Input maxLength={50} placeholder={t('field.implementingBodyNatureHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="handlingAgency" label={t('field.handlingAgency')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="jointDepartments" label={t('field.jointDepartments')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="intermediaryServices" label={t('field.intermediaryServices')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="quantityLimit" label={t('field.quantityLimit')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('section.conditions')}>
        <Form.Item name="acceptanceConditions" label={t('field.acceptanceConditions')} extra={t('field.acceptanceConditionsHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} showCount />
        </Form.Item>
      </Card>

      <Card size="small" title={t('section.result')}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="resultName" label={t('field.resultName')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="resultType" label={t('field.resultType')}>
              <CodeSelect set="resultType" codes={RESULT_TYPES.codes} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="resultSample" label={t('field.resultSample')}>
              <FileField disabled={!editable} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('section.faqs')}>
        <Form.List name="faqs">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={t('faq.title', { n: index + 1 })}
                  extra={editable && <RowActions index={index} count={fields.length} move={move} remove={remove} label={t('faq.title', { n: index + 1 })} />}
                >
                  <Form.Item name={[field.name, 'question']} label={t('field.question')} rules={[required]}>
                    <Input maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'answer']} label={t('field.answer')} rules={[required]} style={{ marginBottom: 0 }}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
                  </Form.Item>
                </Card>
              ))}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ question: '', answer: '' })}>
                  {t('faq.add')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Card>
    </Flex>
  );
}
