import { Form, InputNumber, Space } from 'antd';
import { LEGAL_LIMIT_UNITS, PROMISED_LIMIT_UNITS } from '@onewindow/domain';
import { CodeSelect } from './editor/controls.tsx';
import { useCatalogAdminText } from './text.ts';

const LIMITS = {
  legalLimit: { set: 'legalUnit', codes: LEGAL_LIMIT_UNITS.codes },
  promisedLimit: { set: 'promisedUnit', codes: PROMISED_LIMIT_UNITS.codes },
} as const;

interface Props {
  /** Which of the guide's time limits: 法定时限 or 承诺时限 (the form holds `{ amount, unit }` under that name). */
  name: keyof typeof LIMITS;
  extra?: string;
  /** Accessible name of the unit select, where the form gives it one. */
  unitLabel?: string;
}

/** A required time limit: a whole number of days (or other unit) with its unit beside it. */
export function LimitField({ name, extra, unitLabel }: Props) {
  const { t } = useCatalogAdminText();
  const label = t(name === 'legalLimit' ? 'field.legalLimit' : 'field.promisedLimit');
  return (
    <Form.Item label={label} required extra={extra}>
      <Space.Compact>
        <Form.Item name={[name, 'amount']} noStyle rules={[{ required: true }]}>
          <InputNumber min={0} max={3650} precision={0} aria-label={label} />
        </Form.Item>
        <Form.Item name={[name, 'unit']} noStyle>
          <CodeSelect set={LIMITS[name].set} codes={LIMITS[name].codes} style={{ width: 110 }} aria-label={unitLabel} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
