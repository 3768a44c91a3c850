import { Col, Form, Input, Row, Select } from 'antd';
import { ITEM_TYPES, isInRegion, SERVICE_OBJECTS, type GuideContent } from '@onewindow/domain';
import { RegionTreeSelect } from '../../admin/regions/RegionTreeSelect.tsx';
import type { RegionOption } from '../../admin/regions/regionTree.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api } from '../../shared/api.ts';
import { FormModal } from '../../shared/FormModal.tsx';
import { matches, required } from '../../shared/rules.ts';
import type { Department, ServiceDomain } from '../../shared/types.ts';
import { blankGuide } from './guideForm.ts';
import { LimitField } from './LimitField.tsx';
import { useCatalogAdminText } from './text.ts';

/** The server's patterns for 基本编码 and 实施编码 (GuideContentSchema, catalog routes). */
const BASIC_CODE_PATTERN = '^[0-9A-Z-]{6,40}$';
const IMPLEMENTATION_CODE_PATTERN = '^[0-9A-Za-z-]{6,60}$';

interface NewItemValues {
  name: string;
  basicCode: string;
  code?: string;
  regionCode: string;
  departmentId: string;
  itemType: GuideContent['itemType'];
  serviceObjects: GuideContent['serviceObjects'];
  domainCode: string;
  legalLimit: { amount: number; unit: GuideContent['legalLimit']['unit'] };
  promisedLimit: { amount: number; unit: GuideContent['promisedLimit']['unit'] };
}

interface Props {
  regionOptions: RegionOption[];
  departments: Department[];
  domains: ServiceDomain[];
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** 新建事项: who implements which item where, and its time limits; everything else is written in the editor. */
export function NewItemDialog({ regionOptions, departments, domains, onClose, onCreated }: Props) {
  const { t, code } = useCatalogAdminText();
  const { t: tApp } = useI18n();
  const [form] = Form.useForm<NewItemValues>();
  const regionCode = Form.useWatch('regionCode', form);
  const basicCode = Form.useWatch('basicCode', form);
  const suggestedCode = basicCode && regionCode ? `${basicCode}-${regionCode}` : '';
  // The implementing department sits in the item's region or above it (a city bureau implementing for its county).
  const departmentOptions = departments
    .filter((department) => regionCode && (isInRegion(regionCode, department.regionCode) || isInRegion(department.regionCode, regionCode)))
    .map((department) => ({ value: department.id, label: `${department.name}（${department.regionName}）` }));

  async function create(values: NewItemValues) {
    const department = departments.find((candidate) => candidate.id === values.departmentId);
    const content = blankGuide({
      name: values.name.trim(),
      basicCode: values.basicCode.trim(),
      itemType: values.itemType,
      serviceObjects: values.serviceObjects,
      domainCode: values.domainCode,
      regionCode: values.regionCode,
      department: { name: department?.name ?? '', uscc: department?.uscc ?? '' },
      legalLimit: values.legalLimit,
      promisedLimit: values.promisedLimit,
    });
    const created = await api.post<{ id: string }>('/api/catalog/implementations', {
      code: values.code?.trim() || `${values.basicCode.trim()}-${values.regionCode}`,
      regionCode: values.regionCode,
      departmentId: values.departmentId,
      content,
    });
    onCreated(created.id);
  }

  return (
    <FormModal<NewItemValues>
      name="newItem"
      form={form}
      width={760}
      title={t('list.new')}
      okText={t('new.create')}
      initialValues={{
        itemType: '01',
        serviceObjects: ['1'],
        legalLimit: { amount: 20, unit: 'G' },
        promisedLimit: { amount: 10, unit: 'workday' },
      }}
      onSubmit={create}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('field.name')} rules={[required]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="basicCode"
            label={t('field.basicCode')}
            extra={t('new.basicCodeHint')}
            normalize={(value: string) => value.toUpperCase()}
            rules={[required, matches(BASIC_CODE_PATTERN, t('new.basicCodeFormat'))]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="itemType" label={t('field.itemType')} rules={[required]}>
            <Select options={ITEM_TYPES.codes.map((value) => ({ value, label: code('itemType', value) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={tApp('field.region')} rules={[{ required: true, message: tApp('field.regionRequired') }]}>
            <RegionTreeSelect options={regionOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="departmentId" label={t('field.implementingDepartment')} rules={[{ required: true, message: t('new.departmentRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={departmentOptions}
              notFoundContent={regionCode ? tApp('staff.noDepartments') : tApp('staff.chooseRegionFirst')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="code"
            label={t('field.code')}
            extra={suggestedCode ? t('new.codeDefault', { code: suggestedCode }) : t('new.codeHint')}
            rules={[matches(IMPLEMENTATION_CODE_PATTERN, t('new.codeFormat'))]}
          >
            <Input maxLength={60} placeholder={suggestedCode} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="domainCode" label={t('field.domain')} rules={[{ required: true, message: t('new.domainRequired') }]}>
            <Select options={domains.filter((domain) => domain.active).map((domain) => ({ value: domain.code, label: domain.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="serviceObjects" label={t('field.serviceObjects')} rules={[{ required: true, type: 'array', min: 1, message: t('new.serviceObjectsRequired') }]}>
        <Select mode="multiple" options={SERVICE_OBJECTS.codes.map((value) => ({ value, label: code('serviceObject', value) }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <LimitField name="legalLimit" extra={t('new.limitHint')} />
        </Col>
        <Col xs={24} md={12}>
          <LimitField name="promisedLimit" extra={t('new.promisedHint')} />
        </Col>
      </Row>
    </FormModal>
  );
}
