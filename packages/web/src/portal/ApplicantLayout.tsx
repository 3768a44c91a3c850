import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { Badge, Button, Flex } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { useSession } from '../shared/session.tsx';
import { useApi } from '../shared/useApi.ts';
import type { Inbox } from '../shared/types.ts';
import './portal.css';

interface Props {
  children: ReactNode;
  /** The messages page's own inbox, so the count follows what is read there; other pages fetch the count here. */
  inbox?: Inbox;
}

/** The signed-in applicant's pages: 个人中心, 我的办件, 我的消息 (with the unread count), and signing out. */
export function ApplicantLayout({ children, inbox }: Props) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const fetched = useApi<Inbox>(inbox ? null : '/api/messages');
  const unread = (inbox ?? fetched.data)?.unread ?? 0;

  const nav = (
    <Flex align="center" gap={16} wrap className="applicant-nav">
      <NavLink to="/portal" end>
        {t('portal.home')}
      </NavLink>
      <NavLink to="/portal/cases">{t('portal.cases')}</NavLink>
      <Badge count={unread} size="small" offset={[8, -2]}>
        <NavLink to="/portal/messages">{t('portal.messages')}</NavLink>
      </Badge>
      <Button icon={<LogoutOutlined />} onClick={() => signOut('/')}>
        {t('common.logout')}
      </Button>
    </Flex>
  );
  return <PublicLayout extra={nav}>{children}</PublicLayout>;
}
