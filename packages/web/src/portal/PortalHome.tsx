import { Card, Descriptions } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useApplicantMe } from '../shared/guards.tsx';
import { ApplicantLayout } from './ApplicantLayout.tsx';

/** 个人中心: who the signed-in applicant is, with their identifiers masked as the server sends them. */
export default function PortalHome() {
  const { t } = useI18n();
  const me = useApplicantMe();
  const isPerson = me.applicantType === 'person';

  return (
    <ApplicantLayout>
      <Card title={t('portal.welcome', { name: me.name })} style={{ maxWidth: 720, margin: '0 auto' }}>
        <Descriptions
          column={1}
          bordered
          items={[
            { key: 'type', label: t('portal.applicantType'), children: t(isPerson ? 'register.person' : 'register.company') },
            { key: 'name', label: t(isPerson ? 'register.personName' : 'register.companyName'), children: me.name },
            isPerson
              ? { key: 'id', label: t('register.idNumber'), children: me.idNumberMasked ?? '—' }
              : { key: 'uscc', label: t('field.uscc'), children: me.usccMasked ?? '—' },
            { key: 'phone', label: t('field.mobile'), children: me.phoneMasked },
          ]}
        />
      </Card>
    </ApplicantLayout>
  );
}
