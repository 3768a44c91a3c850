import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CASE_TYPES, HANDLING_FORMS, isInRegion, ONLINE_DEPTHS, SERVICE_SCOPES, type GuideContent,
} from '@onewindow/domain';
import { required } from '../../../shared/rules.ts';
import { useCatalogAdminText } from '../text.ts';
import { CodeSelect, RowActions } from './controls.tsx';
import type { Lookups } from './lookups.ts';
import { LimitField } from '../LimitField.tsx';

interface Props {
  form: FormInstance<GuideContent>;
  lookups: Lookups;
  /** The implementation's region: 赋权 goes to townships inside it. */
  regionCode: string;
}

/** 实施信息: time limits, how and where it is handled, visits, fees, and the hall and department arrangements. */
export function ImplementationTab({ form, lookups, regionCode }: Props) {
  const { t, code } = useCatalogAdminText();
  const charged = Form.useWatch('charged', form) as boolean | undefined;
  const visits = Form.useWatch('visits', form) as number | undefined;
  const townships = lookups.regions
    .filter((region) => region.level === 'township' && region.code !== regionCode && isInRegion(region.code, regionCode))
    .map((region) => ({ value: region.code, label: `${region.name}（${region.code}）` }));
  const departmentOptions = lookups.departments
    .filter((department) => isInRegion(department.regionCode, regionCode) || isInRegion(regionCode, department.regionCode))
    .map((department) => ({ value: department.id, label: `${department.name}（${department.regionName}）` }));
  const domainOptions = lookups.domains.map((domain) => ({ value: domain.code, label: domain.active ? domain.name : `${domain.name}（${t('field.inactive')}）` }));

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('section.limits')}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <LimitField name="legalLimit" unitLabel={t('field.unit')} />
            <Form.Item name={['legalLimit', 'note']} label={t('field.limitNote')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <LimitField name="promisedLimit" extra={t('new.promisedHint')} unitLabel={t('field.unit')} />
            <Form.Item name={['promisedLimit', 'note']} label={t('field.limitNote')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="caseType" label={t('field.caseType')}>
              <Radio.Group options={CASE_TYPES.codes.map((value) => ({ value, label: code('caseType', value) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('section.handling')}>
        <Form.Item name="handlingForms" label={t('field.handlingForms')} rules={[{ required: true, type: 'array', min: 1, message: t('field.handlingFormsRequired') }]}>
          <Checkbox.Group options={HANDLING_FORMS.codes.map((value) => ({ value, label: code('handlingForm', value) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="onlineDepth" label={t('field.onlineDepth')}>
              <CodeSelect set="onlineDepth" codes={ONLINE_DEPTHS.codes} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="onlineUrl" label={t('field.onlineUrl')} rules={[{ type: 'url', message: t('field.urlFormat') }]}>
              <Input maxLength={500} placeholder="https://" />
            </Form.Item>
          </Col>
          <Col xs={8} lg={4}>
            <Form.Item name="supportsAppointment" label={t('field.supportsAppointment')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={8} lg={4}>
            <Form.Item name="supportsOnlinePayment" label={t('field.supportsOnlinePayment')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={8} lg={4}>
            <Form.Item name="supportsDelivery" label={t('field.supportsDelivery')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="serviceScope" label={t('field.serviceScope')}>
              <CodeSelect set="serviceScope" codes={SERVICE_SCOPES.codes} />
            </Form.Item>
          </Col>
          <Col xs={8} lg={4}>
            <Form.Item name="visits" label={t('field.visits')} rules={[{ required: true }]}>
              <InputNumber min={0} max={10} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={16} lg={20}>
            <Form.Item name="visitsReason" label={t('field.visitsReason')} extra={visits ? t('field.visitsReasonHint') : undefined}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('section.fees')}>
        <Form.Item name="charged" label={t('field.charged')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="feeBasis" label={t('field.feeBasis')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.List name="feeItems">
          {(fields, { add, remove, move }) => (
            <Form.Item label={t('field.feeItems')} extra={charged ? undefined : t('field.feeItemsFree')}>
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="start" wrap>
                    <Form.Item name={[field.name, 'name']} noStyle rules={[required]}>
                      <Input placeholder={t('field.feeName')} maxLength={100} style={{ width: 200 }} aria-label={t('field.feeName')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'standard']} noStyle>
                      <Input placeholder={t('field.feeStandard')} maxLength={200} style={{ width: 240 }} aria-label={t('field.feeStandard')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'basis']} noStyle>
                      <Input placeholder={t('field.feeItemBasis')} maxLength={500} style={{ width: 280 }} aria-label={t('field.feeItemBasis')} />
                    </Form.Item>
                    <RowActions index={index} count={fields.length} move={move} remove={remove} label={t('field.feeItems')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', standard: '', basis: '' })} style={{ alignSelf: 'flex-start' }}>
                  {t('fee.add')}
                </Button>
              </Flex>
            </Form.Item>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('section.where')}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="location" label={t('field.location')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="hours" label={t('field.hours')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="consultPhone" label={t('field.consultPhone')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="supervisePhone" label={t('field.supervisePhone')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('section.arrangements')}>
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Form.Item name="domainCode" label={t('field.domain')} extra={t('field.domainHint')}>
              <Select options={domainOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={4}>
            <Form.Item name="inHall" label={t('field.inHall')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="transferredToDepartmentId" label={t('field.transferredTo')} extra={t('field.transferredToHint')}>
              <Select allowClear options={departmentOptions} showSearch={{ optionFilterProp: 'label' }} placeholder={t('field.notTransferred')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="delegatedToRegions" label={t('field.delegatedTo')} extra={t('field.delegatedToHint')}>
              <Select mode="multiple" options={townships} showSearch={{ optionFilterProp: 'label' }} notFoundContent={t('field.noTownships')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </Flex>
  );
}
