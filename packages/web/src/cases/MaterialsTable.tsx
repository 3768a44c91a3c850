import { useState } from 'react';
import { Button, Flex, Image, Modal, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, FilePdfOutlined, MinusCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { caseFileUrl, type CaseMaterial } from './types.ts';
import { useCaseText } from './useCaseText.ts';

interface Props {
  caseId: string;
  materials: CaseMaterial[];
  /** Staff also see the trust level and how each review point was found. */
  staff?: boolean;
}

// Staff see two more columns, and one line per review point would push 审查要点 out of the case detail's 714 px card (on
// a 1366 px screen). Below this width the table scrolls; above it, names and review points wrap to fill the card.
const STAFF_MIN_WIDTH = 640;
/** Short columns keep their heading on one line when the table is squeezed (no 份/数 one character per line). */
const oneLineHeading = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** 申请材料: each material of the guide, how it was received, and its scans to look at in place. */
export function MaterialsTable({ caseId, materials, staff = false }: Props) {
  const { t, receivedAs } = useCaseText();
  const [pdf, setPdf] = useState<{ url: string; title: string } | null>(null);

  return (
    <>
      <Table<CaseMaterial>
        rowKey="materialId"
        size="small"
        pagination={false}
        dataSource={materials}
        scroll={{ x: staff ? STAFF_MIN_WIDTH : 'max-content' }}
        data-testid="case-materials"
        columns={[
          { title: t('materials.name'), dataIndex: 'name' },
          {
            title: t('materials.receivedAs'),
            dataIndex: 'receivedAs',
            onHeaderCell: oneLineHeading,
            render: (code: string) => <Tag color={code === 'missing' ? 'red' : code === 'deferred' ? 'orange' : undefined}>{receivedAs(code)}</Tag>,
          },
          { title: t('materials.count'), dataIndex: 'count', onHeaderCell: oneLineHeading },
          {
            title: t('materials.files'),
            key: 'files',
            onHeaderCell: oneLineHeading,
            render: (_value: unknown, row: CaseMaterial) => (
              <Flex wrap gap={8} align="center">
                {row.files.length === 0 && <Typography.Text type="secondary">{t('materials.noFiles')}</Typography.Text>}
                {row.files.map((file, index) => {
                  const url = caseFileUrl(caseId, file.sha256);
                  if (file.mime.startsWith('image/')) return <Image key={file.sha256} src={url} width={48} height={48} style={{ objectFit: 'cover' }} alt={`${row.name} ${index + 1}`} />;
                  if (file.mime === 'application/pdf') {
                    return (
                      <Button key={file.sha256} size="small" icon={<FilePdfOutlined />} onClick={() => setPdf({ url, title: row.name })}>
                        {t('materials.pdf')}
                      </Button>
                    );
                  }
                  return (
                    <a key={file.sha256} href={url} target="_blank" rel="noopener noreferrer">
                      <PaperClipOutlined /> {t('materials.download')}
                    </a>
                  );
                })}
              </Flex>
            ),
          },
          ...(staff
            ? [
                {
                  title: t('materials.trust'),
                  key: 'trust',
                  onHeaderCell: oneLineHeading,
                  render: (_value: unknown, row: CaseMaterial) => (row.trustLevel ? t(`trust.${row.trustLevel}`) : '—'),
                },
                {
                  title: t('materials.checks'),
                  key: 'checks',
                  render: (_value: unknown, row: CaseMaterial) => <ReviewPoints material={row} />,
                },
              ]
            : []),
        ]}
      />
      {pdf && (
        <Modal open title={pdf.title} footer={null} width="80vw" onCancel={() => setPdf(null)} destroyOnHidden>
          <iframe src={pdf.url} title={pdf.title} style={{ width: '100%', height: '75vh', border: 0 }} />
        </Modal>
      )}
    </>
  );
}

function ReviewPoints({ material }: { material: CaseMaterial }) {
  const { t } = useCaseText();
  if (material.reviewPoints.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {material.reviewPoints.map((point) => {
        const check = material.checks[point.id];
        const [icon, label] =
          check === true
            ? [<CheckCircleFilled key="icon" style={{ color: '#52c41a' }} />, t('materials.passed')]
            : check === false
              ? [<CloseCircleFilled key="icon" style={{ color: '#ff4d4f' }} />, t('materials.failed')]
              : [<MinusCircleOutlined key="icon" style={{ color: '#bfbfbf' }} />, t('materials.unchecked')];
        return (
          <span key={point.id} title={label}>
            {icon} {point.text}
          </span>
        );
      })}
    </Flex>
  );
}
