import { useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Modal, Table, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportIssue, ImportResult } from '../../catalog/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { api, isApiError, withQuery, type ApiError } from '../../shared/api.ts';
import { describeError } from '../../shared/errors.ts';
import { useCatalogAdminText } from './text.ts';
import { chooseFile, describeUploadProblem } from './uploads.ts';

type Outcome = { kind: 'imported'; result: ImportResult } | { kind: 'rejected'; error: ApiError };

interface Props {
  canImport: boolean;
  /** The list's filters, so an export holds what the list shows. */
  regionCode?: string;
  status?: string;
  onImported: () => void;
}

/** 导出Excel, 下载导入模板 and 导入Excel. An import is all or nothing; a refused one lists its errors and offers the marked-up workbook. */
export function ExcelActions({ canImport, regionCode, status, onImported }: Props) {
  const { t } = useCatalogAdminText();
  const { t: tApp } = useI18n();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function importWorkbook() {
    const file = await chooseFile('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    if (!file) return;
    setImporting(true);
    try {
      const result = await api.upload<ImportResult>('/api/catalog/import', file);
      setOutcome({ kind: 'imported', result });
      onImported();
    } catch (error) {
      if (isApiError(error, 'CATALOG_IMPORT_REJECTED')) setOutcome({ kind: 'rejected', error });
      else message.error(describeUploadProblem(error) ?? describeError(error, tApp));
    } finally {
      setImporting(false);
    }
  }

  return (
    <>
      <Button icon={<FileExcelOutlined />} href={withQuery('/api/catalog/export.xlsx', { regionCode, status })} download>
        {t('excel.export')}
      </Button>
      <Button icon={<DownloadOutlined />} href="/api/catalog/import-template.xlsx" download>
        {t('excel.template')}
      </Button>
      {canImport && (
        <Button icon={<UploadOutlined />} loading={importing} onClick={importWorkbook} data-testid="catalog-import">
          {t('excel.import')}
        </Button>
      )}
      {outcome?.kind === 'imported' && <ImportedDialog result={outcome.result} onClose={() => setOutcome(null)} />}
      {outcome?.kind === 'rejected' && <RejectedDialog error={outcome.error} onClose={() => setOutcome(null)} />}
    </>
  );
}

function ImportedDialog({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const { t } = useCatalogAdminText();
  return (
    <Modal open title={t('excel.importedTitle')} width={760} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }}>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'total', label: t('excel.rows'), children: result.implementations },
          { key: 'created', label: t('excel.created'), children: result.created },
          { key: 'replaced', label: t('excel.draftsReplaced'), children: result.draftsReplaced },
          { key: 'started', label: t('excel.draftsStarted'), children: result.draftsStarted },
          { key: 'unchanged', label: t('excel.unchanged'), children: result.unchanged },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {result.created + result.draftsReplaced + result.draftsStarted > 0 ? t('excel.importedHint') : t('excel.nothingChanged')}
      </Typography.Paragraph>
      {result.warnings.length > 0 && (
        <>
          <Alert type="warning" showIcon title={t('excel.warnings', { total: result.warningTotal })} style={{ marginBottom: 8 }} />
          <IssueTable issues={result.warnings} />
        </>
      )}
    </Modal>
  );
}

function RejectedDialog({ error, onClose }: { error: ApiError; onClose: () => void }) {
  const { t } = useCatalogAdminText();
  const issues = (Array.isArray(error.body.errors) ? error.body.errors : []).filter(isImportIssue);
  const total = typeof error.body.errorTotal === 'number' ? error.body.errorTotal : issues.length;
  const reportUrl = typeof error.body.reportUrl === 'string' && error.body.reportUrl.startsWith('/api/') ? error.body.reportUrl : null;
  return (
    <Modal open title={t('excel.rejectedTitle')} width={860} onCancel={onClose} footer={<Button onClick={onClose}>{t('excel.close')}</Button>}>
      <Alert type="error" showIcon title={error.title} style={{ marginBottom: 12 }} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {total > issues.length ? t('excel.someErrors', { shown: issues.length, total }) : t('excel.allErrors', { total })}
        </Typography.Text>
        {reportUrl && (
          <Button type="primary" icon={<DownloadOutlined />} href={reportUrl} download data-testid="import-report">
            {t('excel.report')}
          </Button>
        )}
      </Flex>
      <IssueTable issues={issues} />
    </Modal>
  );
}

function IssueTable({ issues }: { issues: ImportIssue[] }) {
  const { t } = useCatalogAdminText();
  return (
    <Table<ImportIssue & { key: number }>
      size="small"
      dataSource={issues.map((issue, index) => ({ ...issue, key: index }))}
      pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        { title: t('excel.sheet'), dataIndex: 'sheet', width: 120 },
        { title: t('excel.row'), dataIndex: 'row', width: 70, render: (row: number) => (row > 0 ? row : '—') },
        { title: t('excel.column'), dataIndex: 'column', width: 140, render: (column: string) => column || '—' },
        { title: t('excel.problem'), dataIndex: 'message' },
      ]}
    />
  );
}

function isImportIssue(value: unknown): value is ImportIssue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.sheet === 'string' && typeof candidate.row === 'number' && typeof candidate.message === 'string';
}
