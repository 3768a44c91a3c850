import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface Props {
  icon: ReactNode;
  title: string;
  text?: string;
  action?: ReactNode;
}

/**
 * A whole-page message (page failed, guide not found) without antd's Result, whose module carries its large status
 * illustrations into every chunk that imports it; these messages sit on the public pages, which must stay light.
 */
export function Notice({ icon, title, text, action }: Props) {
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '48px 16px', textAlign: 'center' }} role="status">
      <span style={{ fontSize: 56, lineHeight: 1 }}>{icon}</span>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {text && <Typography.Text type="secondary">{text}</Typography.Text>}
      {action && <div style={{ marginTop: 12 }}>{action}</div>}
    </Flex>
  );
}
