// 文书: the documents a case's actions issued (受理通知书, 补齐补正告知书, 不予受理决定书, 决定书), for staff and for the
// applicant who owns the case, each a PDF to view, print or keep.
import { Flex, List, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useApi } from '../shared/useApi.ts';
import type { CaseDocument } from './types.ts';
import { useCaseText } from './useCaseText.ts';

/** `version` reloads the list when the case changes (a new action may have issued a document). */
export function CaseDocuments({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useCaseText();
  const { formatDateTime } = useI18n();
  const documents = useApi<{ items: CaseDocument[] }>(`/api/cases/${caseId}/documents`, { v: version });
  return (
    <List
      size="small"
      loading={documents.loading}
      dataSource={documents.data?.items ?? []}
      locale={{ emptyText: t('documents.empty') }}
      data-testid="case-documents"
      renderItem={(d) => (
        <List.Item>
          <Flex vertical gap={2}>
            <a href={d.url} target="_blank" rel="noopener noreferrer" aria-label={`${d.title} ${t('documents.download')}`}>
              <FilePdfOutlined /> {d.title}
            </a>
            <Typography.Text type="secondary">
              {d.number} · {formatDateTime(d.issuedAt)}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
