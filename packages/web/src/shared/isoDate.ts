import dayjs, { type Dayjs } from 'dayjs';

/** Form.Item props for a DatePicker whose value travels as YYYY-MM-DD text, as the API and the form rules take it. */
export const isoDateItemProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};
