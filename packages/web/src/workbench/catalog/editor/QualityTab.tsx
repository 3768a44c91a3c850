import { Alert, Button, ConfigProvider, Empty, List, Result, Spin, Typography } from 'antd';
import { AimOutlined, ReloadOutlined } from '@ant-design/icons';
import type { QualityIssue } from '@onewindow/domain';
import type { ApiError } from '../../../shared/api.ts';
import { LoadError } from '../../../shared/LoadError.tsx';
import { tabOfPath } from '../guideForm.ts';
import { useCatalogAdminText } from '../text.ts';

interface Props {
  hasDraft: boolean;
  issues: QualityIssue[];
  loading: boolean;
  error: ApiError | undefined;
  /** The list is the refusal of the last 提交发布, not a fresh check of the saved draft. */
  fromSubmit: boolean;
  dirty: boolean;
  onRecheck: () => void;
  onLocate: (path: string) => void;
}

/** 发布检查: what still keeps the saved draft from being published, each with a link to its field. */
export function QualityTab({ hasDraft, issues, loading, error, fromSubmit, dirty, onRecheck, onLocate }: Props) {
  const { t } = useCatalogAdminText();
  if (!hasDraft) return <Empty description={t('quality.noDraft')} />;
  return (
    <ConfigProvider componentDisabled={false}>
      <LoadError error={error} onRetry={onRecheck} />
      {(dirty || fromSubmit) && (
        <Alert
          type={fromSubmit ? 'error' : 'info'}
          showIcon
          title={fromSubmit ? t('quality.submitRefused') : t('quality.savedOnly')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Button icon={<ReloadOutlined />} onClick={onRecheck} loading={loading} style={{ marginBottom: 12 }}>
        {t('quality.recheck')}
      </Button>
      <Spin spinning={loading}>
        {issues.length === 0 && !loading && !error ? (
          <Result status="success" title={t('quality.passed')} subTitle={t('quality.passedHint')} />
        ) : (
          <List
            bordered
            dataSource={issues}
            renderItem={(issue, index) => (
              <List.Item
                key={`${issue.path}-${index}`}
                actions={[
                  <Button key="locate" type="link" size="small" icon={<AimOutlined />} onClick={() => onLocate(issue.path)}>
                    {t('quality.locate', { tab: t(`tab.${tabOfPath(issue.path)}`) })}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={issue.message}
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {issue.path}
                      {issue.rule && ` · ${issue.rule}`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Spin>
    </ConfigProvider>
  );
}
