import { Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROLE_CODES, SPECIAL_PROCEDURE_TYPES, STEP_KINDS } from '@onewindow/domain';
import { required } from '../../../shared/rules.ts';
import { useRoleLabel } from '../../roleLabel.ts';
import { emptyStep } from '../guideForm.ts';
import { useCatalogAdminText } from '../text.ts';
import { CodeSelect, RowActions } from './controls.tsx';
import type { Lookups } from './lookups.ts';

/** 办理流程 (the steps a case goes through, in order) and 特别程序 (time not counted in the limit). */
export function StepsTab({ editable, lookups }: { editable: boolean; lookups: Lookups }) {
  const { t } = useCatalogAdminText();
  const roleLabel = useRoleLabel();
  const departmentOptions = lookups.departments.map((department) => ({ value: department.id, label: `${department.name}（${department.regionName}）` }));

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('section.steps')} extra={t('step.hint')}>
        <Form.List name="steps">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && <Empty description={t('step.empty')} />}
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={t('step.title', { n: index + 1 })}
                  extra={editable && <RowActions index={index} count={fields.length} move={move} remove={remove} label={t('step.title', { n: index + 1 })} />}
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8} lg={5}>
                      <Form.Item name={[field.name, 'name']} label={t('field.stepName')} rules={[required]}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8} lg={4}>
                      <Form.Item name={[field.name, 'kind']} label={t('field.stepKind')}>
                        <CodeSelect set="stepKind" codes={STEP_KINDS.codes} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8} lg={4}>
                      <Form.Item name={[field.name, 'role']} label={t('field.stepRole')}>
                        <Select options={ROLE_CODES.map((role) => ({ value: role, label: roleLabel(role) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16} lg={7}>
                      <Form.Item name={[field.name, 'departmentId']} label={t('field.stepDepartment')}>
                        <Select allowClear options={departmentOptions} showSearch={{ optionFilterProp: 'label' }} placeholder={t('field.stepDepartmentDefault')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8} lg={4}>
                      <Form.Item name={[field.name, 'timeLimitDays']} label={t('field.stepTimeLimit')}>
                        <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item name={[field.name, 'description']} label={t('field.stepDescription')} style={{ marginBottom: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyStep())}>
                  {t('step.add')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('section.special')}>
        <Form.List name="specialProcedures">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'type']} label={index === 0 ? t('field.specialType') : undefined}>
                      <CodeSelect set="specialProcedure" codes={SPECIAL_PROCEDURE_TYPES.codes} popupMatchSelectWidth={false} aria-label={t('field.specialType')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={[field.name, 'name']} label={index === 0 ? t('field.specialName') : undefined}>
                      <Input maxLength={100} aria-label={t('field.specialName')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item name={[field.name, 'timeLimit']} label={index === 0 ? t('field.specialTimeLimit') : undefined}>
                      <Input maxLength={100} aria-label={t('field.specialTimeLimit')} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={7}>
                    <Form.Item name={[field.name, 'note']} label={index === 0 ? t('field.specialNote') : undefined}>
                      <Input maxLength={500} aria-label={t('field.specialNote')} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                    {editable && <RowActions index={index} count={fields.length} move={move} remove={remove} label={t('section.special')} />}
                  </Col>
                </Row>
              ))}
              {fields.length === 0 && <span>{t('special.none')}</span>}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: '1', name: '', timeLimit: '', note: '' })} style={{ alignSelf: 'flex-start' }}>
                  {t('special.add')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Card>
    </Flex>
  );
}
