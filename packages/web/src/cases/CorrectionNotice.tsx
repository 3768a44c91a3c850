import { Alert, Table } from 'antd';
import type { CorrectionItem } from '@onewindow/domain';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { CaseMaterial } from './types.ts';
import { useCaseText } from './useCaseText.ts';

interface Props {
  correction: { items: CorrectionItem[]; dueDate: string };
  materials: CaseMaterial[];
}

/** 补齐补正告知: what the applicant must bring or fix, and by when, as the notice told them. */
export function CorrectionNotice({ correction, materials }: Props) {
  const { t } = useCaseText();
  const { formatDate } = useI18n();
  const nameOf = (materialId: string) => materials.find((material) => material.materialId === materialId)?.name ?? materialId;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="case-correction"
      title={t('correction.title')}
      description={
        <>
          <div style={{ marginBottom: 8 }}>{t('correction.due', { date: formatDate(correction.dueDate) })}</div>
          <Table<CorrectionItem & { key: number }>
            size="small"
            pagination={false}
            dataSource={correction.items.map((item, index) => ({ ...item, key: index }))}
            columns={[
              { title: t('correction.material'), dataIndex: 'materialId', render: (id: string) => nameOf(id) },
              { title: t('correction.problem'), dataIndex: 'problem' },
              { title: t('correction.fix'), dataIndex: 'fix' },
            ]}
          />
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
