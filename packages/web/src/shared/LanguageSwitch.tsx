import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  const next = locale === 'zh' ? 'en' : 'zh';
  return (
    <Button type="text" icon={<GlobalOutlined />} onClick={() => setLocale(next)} lang={next === 'zh' ? 'zh-CN' : 'en'}>
      {next === 'zh' ? '中文' : 'English'}
    </Button>
  );
}
