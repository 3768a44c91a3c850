import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { App as AntApp, Button, ConfigProvider, Layout } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ELDER_THEME, PUBLIC_THEME, useElderMode } from './elderMode.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './publicLayout.css';

/**
 * Header and footer of the pages anyone can reach and of the applicant's own pages: the name, the 长辈版 switch
 * (适老化) and the language; `extra` is the signed-in applicant's menu, on a row of its own on a phone.
 */
export function PublicLayout({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const { t } = useI18n();
  const { elder, setElder } = useElderMode();
  return (
    <ConfigProvider theme={elder ? ELDER_THEME : PUBLIC_THEME}>
      <AntApp component={false}>
        <Layout className={elder ? 'public-layout elder-mode' : 'public-layout'}>
          <a className="skip-link" href="#main">
            {t('layout.skipToContent')}
          </a>
          <Layout.Header className="public-header no-print">
            <Link to="/" className="public-brand">
              {t('app.name')}
            </Link>
            <div className="public-tools">
              <Button
                type={elder ? 'primary' : 'default'}
                icon={<EyeOutlined />}
                aria-pressed={elder}
                onClick={() => setElder(!elder)}
                data-testid="elder-toggle"
                title={t(elder ? 'layout.elderOff' : 'layout.elderOn')}
              >
                {t('layout.elder')}
              </Button>
              <LanguageSwitch />
            </div>
            {extra && <nav className="public-nav" aria-label={t('layout.nav')}>{extra}</nav>}
          </Layout.Header>
          <Layout.Content id="main" tabIndex={-1} className="public-content">
            {children}
          </Layout.Content>
          <Layout.Footer className="no-print public-footer">{t('app.footer')}</Layout.Footer>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
