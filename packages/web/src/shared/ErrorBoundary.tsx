import { Component, type ReactNode } from 'react';
import { Button } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Notice } from './Notice.tsx';

interface State {
  failed: boolean;
}

/**
 * Catches a render error or a lazy page chunk that failed to load (typically after a new deployment replaced the
 * hashed files), and offers a reload instead of a blank page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('page failed to render', error);
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useI18n();
  return (
    <Notice
      icon={<WarningOutlined style={{ color: '#faad14' }} />}
      title={t('error.pageFailedTitle')}
      text={t('error.pageFailed')}
      action={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
