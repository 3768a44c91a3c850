// 材料核验清单: each material of the guide with how it was received, the count, its review points to tick and its
// scans. Every control is reachable with Tab, so a clerk can work through it without the mouse.
import { Checkbox, DatePicker, Flex, InputNumber, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { MATERIAL_NECESSITY, RECEIVED_AS_LABELS, type ReceivedAs } from '@onewindow/domain';
import { defaultEntry, type ChecklistMaterial, type MaterialEntry } from './intakeDraft.ts';
import { ScanUpload } from './ScanUpload.tsx';
import { useHallText } from './text.ts';

interface Props {
  materials: ChecklistMaterial[];
  entries: Record<string, MaterialEntry>;
  onChange: (materialId: string, entry: MaterialEntry) => void;
}

// The fixed columns (材料 260, 收取方式 150, 份数 80, 扫描件 240) and at least 230 px for 审查要点, whose points wrap: the
// table fills its card (1042 px on a 1366 px screen) and scrolls sideways only when the card is narrower than this.
// 'max-content' kept every point on one line and pushed 扫描件 out of sight.
const CHECKLIST_MIN_WIDTH = 960;

const necessityLabel = (code: string) => MATERIAL_NECESSITY.label(code);

function receivedOptions(material: ChecklistMaterial) {
  const codes: ReceivedAs[] = ['original', 'copy', 'electronic', 'exempt', ...(material.necessity === 'deferrable' ? (['deferred'] as const) : []), 'missing'];
  return codes.map((value) => ({ value, label: RECEIVED_AS_LABELS[value] }));
}

export function Checklist({ materials, entries, onChange }: Props) {
  const { t } = useHallText();
  return (
    <Table<ChecklistMaterial>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={materials}
      data-testid="checklist"
      scroll={{ x: CHECKLIST_MIN_WIDTH }}
      columns={[
        {
          title: t('intake.material'),
          key: 'name',
          width: 260,
          render: (_v, m) => (
            <Flex vertical gap={2}>
              <Typography.Text strong>{m.name}</Typography.Text>
              <span>
                <Tag color={m.necessity === 'required' ? 'red' : m.necessity === 'deferrable' ? 'orange' : undefined}>{necessityLabel(m.necessity)}</Tag>
                {m.acceptanceStandard && (
                  <Tooltip title={m.acceptanceStandard}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.acceptanceStandard.slice(0, 24)}
                      {m.acceptanceStandard.length > 24 ? '…' : ''}
                    </Typography.Text>
                  </Tooltip>
                )}
              </span>
            </Flex>
          ),
        },
        {
          title: t('intake.receivedAs'),
          key: 'receivedAs',
          width: 150,
          render: (_v, m) => {
            const entry = entries[m.id] ?? { ...defaultEntry(m), receivedAs: 'missing' as const, count: 0 };
            return (
              <Flex vertical gap={4}>
                <Select
                  aria-label={`${m.name} ${t('intake.receivedAs')}`}
                  value={entry.receivedAs}
                  options={receivedOptions(m)}
                  style={{ width: 130 }}
                  onChange={(receivedAs: ReceivedAs) =>
                    onChange(m.id, { ...entry, receivedAs, count: receivedAs === 'missing' || receivedAs === 'exempt' ? 0 : Math.max(entry.count, 1) })
                  }
                />
                {entry.receivedAs === 'deferred' && (
                  <DatePicker
                    aria-label={`${m.name} ${t('intake.deferredDue')}`}
                    placeholder={t('intake.deferredDue')}
                    value={entry.dueDate ? dayjs(entry.dueDate) : null}
                    disabledDate={(d) => !d.isAfter(dayjs(), 'day')}
                    onChange={(d) => onChange(m.id, { ...entry, dueDate: d ? d.format('YYYY-MM-DD') : undefined })}
                  />
                )}
              </Flex>
            );
          },
        },
        {
          title: t('intake.count'),
          key: 'count',
          width: 80,
          render: (_v, m) => {
            const entry = entries[m.id];
            return (
              <InputNumber
                aria-label={`${m.name} ${t('intake.count')}`}
                min={0}
                max={999}
                value={entry?.count ?? 0}
                disabled={!entry || entry.receivedAs === 'missing' || entry.receivedAs === 'exempt'}
                onChange={(count) => entry && onChange(m.id, { ...entry, count: count ?? 0 })}
                style={{ width: 64 }}
              />
            );
          },
        },
        {
          title: t('intake.points'),
          key: 'points',
          render: (_v, m) => {
            const entry = entries[m.id];
            const inHand = entry && entry.receivedAs !== 'missing' && entry.receivedAs !== 'exempt' && entry.receivedAs !== 'deferred';
            return (
              <Flex vertical gap={2}>
                {m.reviewPoints.map((p) => (
                  <Checkbox
                    key={p.id}
                    disabled={!inHand}
                    checked={inHand && entry.checks[p.id] === true}
                    onChange={(e) => entry && onChange(m.id, { ...entry, checks: { ...entry.checks, [p.id]: e.target.checked } })}
                  >
                    {p.text}
                  </Checkbox>
                ))}
              </Flex>
            );
          },
        },
        {
          title: t('intake.scans'),
          key: 'scans',
          width: 240,
          render: (_v, m) => {
            const entry = entries[m.id] ?? { ...defaultEntry(m), receivedAs: 'missing' as const, count: 0 };
            return <ScanUpload label={m.name} files={entry.files} onChange={(files) => onChange(m.id, { ...entry, files })} />;
          },
        },
      ]}
    />
  );
}
