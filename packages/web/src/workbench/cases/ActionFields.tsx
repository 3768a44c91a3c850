// The form of each action in its dialog. Field names are the action body's own (opinion, reason, items …), so the
// server's field problems land on the field they are about.
import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Table, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { beijingToday, MAX_EXTENSION_WORKDAYS, type ReceivedAs } from '@onewindow/domain';
import { useCatalogText } from '../../catalog/useCatalogText.ts';
import type { CaseDetail, CaseMaterial } from '../../cases/types.ts';
import { useCaseText } from '../../cases/useCaseText.ts';
import { isoDateItemProps } from '../../shared/isoDate.ts';
import { required } from '../../shared/rules.ts';
import type { ActionValues } from './actionBody.ts';
import type { StaffAction } from './actions.ts';
import { SignaturePad } from './SignaturePad.tsx';
import { useCaseAdminText } from './text.ts';

interface Props {
  action: StaffAction;
  detail: CaseDetail;
  form: FormInstance<ActionValues>;
}

const TEXT = { autoSize: { minRows: 3, maxRows: 8 } } as const;

export function ActionFields({ action, detail, form }: Props) {
  const { t } = useCaseAdminText();
  switch (action) {
    case 'accept':
      return <AcceptFields detail={detail} />;
    case 'request_correction':
      return <CorrectionFields detail={detail} />;
    case 'refuse':
    case 'withdraw':
      return (
        <>
          <Form.Item name="reason" label={t('form.reason')} rules={[required]}>
            <Input.TextArea {...TEXT} maxLength={action === 'refuse' ? 1000 : 500} />
          </Form.Item>
          {action === 'refuse' && <Remedies />}
        </>
      );
    case 'resubmit':
      return <MaterialsFields materials={detail.materials} />;
    case 'deferred_received':
      return <DeferredReceivedFields detail={detail} form={form} />;
    case 'complete_step':
      return <Opinion />;
    case 'send_back':
      return <SendBackFields detail={detail} />;
    case 'start_special':
      return <StartSpecialFields />;
    case 'end_special':
      return (
        <Form.Item name="result" label={t('form.result')} rules={[required]}>
          <Input.TextArea {...TEXT} maxLength={500} />
        </Form.Item>
      );
    case 'request_extension':
      return <ExtensionFields detail={detail} />;
    case 'decide_extension':
      return <DecideExtensionFields detail={detail} />;
    case 'decide':
      return <DecideFields form={form} />;
    case 'complete':
      return <Typography.Paragraph>{t('form.completeConfirm')}</Typography.Paragraph>;
    case 'deliver':
      return <DeliverFields form={form} />;
  }
}

function Opinion({ optional = false }: { optional?: boolean }) {
  const { t } = useCaseAdminText();
  return (
    <Form.Item name="opinion" label={t('form.opinion')} rules={optional ? [] : [required]}>
      <Input.TextArea {...TEXT} maxLength={2000} />
    </Form.Item>
  );
}

function Remedies() {
  const { t } = useCaseAdminText();
  return (
    <Form.Item name="remedies" label={t('form.remedies')} rules={[required]}>
      <Input.TextArea {...TEXT} maxLength={1000} />
    </Form.Item>
  );
}

/** 受理; with 容缺 materials, the date each is promised by and the applicant's written commitment. */
function AcceptFields({ detail }: { detail: CaseDetail }) {
  const { t } = useCaseAdminText();
  const deferred = detail.materials.filter((material) => material.receivedAs === 'deferred');
  const today = beijingToday();
  // Applied for online with 容缺: the applicant's promised dates stand unless changed, and their commitment is there.
  const promised = detail.state.promisedDeferral ?? null;
  return (
    <>
      {deferred.map((material) => (
        <Form.Item
          key={material.materialId}
          name={['deferred', material.materialId]}
          label={t('form.deferredDue', { name: material.name })}
          rules={[{ required: true }]}
          initialValue={promised?.deferred.find((d) => d.materialId === material.materialId)?.dueDate}
          {...isoDateItemProps}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') <= today} />
        </Form.Item>
      ))}
      {deferred.length > 0 && (
        <Form.Item
          name="commitment"
          label={t('form.commitment')}
          extra={promised ? t('form.commitmentOnline', { text: promised.commitment }) : t('form.commitmentHint')}
          rules={promised ? [] : [required]}
        >
          <Input.TextArea {...TEXT} maxLength={1000} />
        </Form.Item>
      )}
      <Opinion optional />
    </>
  );
}

/** 补齐补正告知: one row per defect, started from what the materials lack. */
function CorrectionFields({ detail }: { detail: CaseDetail }) {
  const { t } = useCaseAdminText();
  const options = detail.materials.map((material) => ({ value: material.materialId, label: material.name }));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('form.itemsHint')}</Typography.Paragraph>
      <Form.List name="items">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="start">
                <Form.Item name={[row.name, 'materialId']} rules={[{ required: true, message: t('form.material') }]} style={{ width: 200, margin: 0 }}>
                  <Select options={options} placeholder={t('form.material')} aria-label={t('form.material')} />
                </Form.Item>
                <Form.Item name={[row.name, 'problem']} rules={[required]} style={{ flex: 1, margin: 0 }}>
                  <Input.TextArea autoSize placeholder={t('form.problem')} aria-label={t('form.problem')} maxLength={300} />
                </Form.Item>
                <Form.Item name={[row.name, 'fix']} rules={[required]} style={{ flex: 2, margin: 0 }}>
                  <Input.TextArea autoSize placeholder={t('form.fix')} aria-label={t('form.fix')} maxLength={500} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('form.removeItem')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
              {t('form.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Opinion optional />
    </>
  );
}

const RECEIVED_AS: ReceivedAs[] = ['original', 'copy', 'electronic', 'exempt', 'deferred', 'missing'];

/** How each material is received now: the way, the copies, and which review points it meets. */
function MaterialsFields({ materials }: { materials: CaseMaterial[] }) {
  const { t } = useCaseAdminText();
  const { t: tc, receivedAs } = useCaseText();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="materialId"
      dataSource={materials.map((material, index) => ({ ...material, index }))}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: tc('materials.name'), dataIndex: 'name' },
        {
          title: t('form.material.receivedAs'),
          key: 'receivedAs',
          render: (_value, row) => (
            <>
              <Form.Item name={['materials', row.index, 'materialId']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={['materials', row.index, 'receivedAs']} style={{ margin: 0 }}>
                <Select style={{ width: 120 }} aria-label={t('form.material.receivedAs')} options={RECEIVED_AS.map((code) => ({ value: code, label: receivedAs(code) }))} />
              </Form.Item>
            </>
          ),
        },
        {
          title: t('form.material.count'),
          key: 'count',
          render: (_value, row) => (
            <Form.Item name={['materials', row.index, 'count']} style={{ margin: 0 }}>
              <InputNumber min={0} max={999} precision={0} style={{ width: 72 }} aria-label={t('form.material.count')} />
            </Form.Item>
          ),
        },
        {
          title: t('form.material.checks'),
          key: 'checks',
          render: (_value, row) => <CheckBoxes material={row} name={['materials', row.index, 'checks']} />,
        },
      ]}
    />
  );
}

function CheckBoxes({ material, name }: { material: CaseMaterial; name: (string | number)[] }) {
  if (material.reviewPoints.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical>
      {material.reviewPoints.map((point) => (
        <Form.Item key={point.id} name={[...name, point.id]} valuePropName="checked" style={{ margin: 0 }}>
          <Checkbox>{point.text}</Checkbox>
        </Form.Item>
      ))}
    </Flex>
  );
}

/** 容缺材料补交: which outstanding material came in, and how it was received. */
function DeferredReceivedFields({ detail, form }: { detail: CaseDetail; form: FormInstance<ActionValues> }) {
  const { t } = useCaseAdminText();
  const { receivedAs } = useCaseText();
  const outstanding = detail.state.deferred.filter((item) => item.receivedAt === null);
  const chosenId = Form.useWatch(['material', 'materialId'], form);
  const chosen = detail.materials.find((material) => material.materialId === chosenId);
  return (
    <>
      <Form.Item name={['material', 'materialId']} label={t('form.deferredMaterial')} rules={[{ required: true }]}>
        <Select
          options={outstanding.map((item) => ({
            value: item.materialId,
            label: detail.materials.find((material) => material.materialId === item.materialId)?.name ?? item.materialId,
          }))}
        />
      </Form.Item>
      <Form.Item name={['material', 'receivedAs']} label={t('form.material.receivedAs')} initialValue="original" rules={[{ required: true }]}>
        <Radio.Group options={(['original', 'copy', 'electronic'] as const).map((code) => ({ value: code, label: receivedAs(code) }))} />
      </Form.Item>
      <Form.Item name={['material', 'count']} label={t('form.material.count')} initialValue={1}>
        <InputNumber min={0} max={999} precision={0} />
      </Form.Item>
      {chosen && (
        <Form.Item label={t('form.material.checks')}>
          <CheckBoxes material={chosen} name={['material', 'checks']} />
        </Form.Item>
      )}
    </>
  );
}

/** 退回: to an earlier review step. */
function SendBackFields({ detail }: { detail: CaseDetail }) {
  const { t } = useCaseAdminText();
  const current = detail.steps.findIndex((step) => step.id === detail.currentStep?.id);
  const earlier = detail.steps.slice(0, Math.max(0, current));
  return (
    <>
      <Form.Item name="toStepId" label={t('form.toStep')} rules={[{ required: true }]} initialValue={earlier.at(-1)?.id}>
        <Select options={earlier.map((step) => ({ value: step.id, label: step.name }))} />
      </Form.Item>
      <Opinion />
    </>
  );
}

function StartSpecialFields() {
  const { t } = useCaseAdminText();
  const { code } = useCatalogText();
  return (
    <>
      <Form.Item name="kind" label={t('form.specialKind')} rules={[{ required: true }]}>
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={(['1', '2'] as const).map((kind) => ({ value: kind, label: code('specialProcedure', kind) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('form.reason')} rules={[required]}>
        <Input.TextArea {...TEXT} maxLength={500} />
      </Form.Item>
    </>
  );
}

function ExtensionFields({ detail }: { detail: CaseDetail }) {
  const { t } = useCaseAdminText();
  const used = detail.state.extensionWorkdays;
  return (
    <>
      <Form.Item name="workdays" label={t('form.workdays')} extra={t('form.workdaysHint', { used })} rules={[{ required: true }]}>
        <InputNumber min={1} max={MAX_EXTENSION_WORKDAYS - used} precision={0} />
      </Form.Item>
      <Form.Item name="reason" label={t('form.reason')} rules={[required]}>
        <Input.TextArea {...TEXT} maxLength={500} />
      </Form.Item>
    </>
  );
}

function DecideExtensionFields({ detail }: { detail: CaseDetail }) {
  const { t } = useCaseAdminText();
  const pending = detail.state.pendingExtension;
  return (
    <>
      {pending && <Typography.Paragraph>{t('form.extensionAsked', { days: pending.workdays, reason: pending.reason })}</Typography.Paragraph>}
      <Form.Item name="approve" label={t('form.approve')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: true, label: t('form.approveYes') },
            { value: false, label: t('form.approveNo') },
          ]}
        />
      </Form.Item>
      <Form.Item name="opinion" label={t('form.opinion')} rules={[required]}>
        <Input.TextArea {...TEXT} maxLength={500} />
      </Form.Item>
    </>
  );
}

/** 决定: 准予, or 不予许可 with its reasons and the applicant's remedies (行政许可法 §38). */
function DecideFields({ form }: { form: FormInstance<ActionValues> }) {
  const { t } = useCaseAdminText();
  const grant = Form.useWatch('grant', form) !== false;
  return (
    <>
      <Form.Item name="grant" label={t('form.grant')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('form.grantYes') },
            { value: false, label: t('form.grantNo') },
          ]}
        />
      </Form.Item>
      <Opinion />
      {!grant && (
        <>
          <Form.Item name="reason" label={t('form.reason')} rules={[required]}>
            <Input.TextArea {...TEXT} maxLength={1000} />
          </Form.Item>
          <Remedies />
        </>
      )}
    </>
  );
}

/** 送达: collected at the window after an identity check, posted with its tracking number, or electronic. */
function DeliverFields({ form }: { form: FormInstance<ActionValues> }) {
  const { t } = useCaseAdminText();
  const method = Form.useWatch('method', form);
  return (
    <>
      <Form.Item name="method" label={t('form.method')} rules={[{ required: true }]}>
        <Radio.Group options={(['pickup', 'mail', 'electronic'] as const).map((value) => ({ value, label: t(`form.method.${value}`) }))} />
      </Form.Item>
      {method === 'pickup' && (
        <>
          <Form.Item name="collectorIdNumber" label={t('form.collectorIdNumber')} extra={t('form.collectorIdHint')} rules={[required]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="signature" label={t('form.signature')} rules={[{ required: true, message: t('signature.required') }]}>
            <SignaturePad />
          </Form.Item>
        </>
      )}
      {method === 'mail' && (
        <Form.Item name="reference" label={t('form.reference')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
      )}
    </>
  );
}
