import type { ReactNode } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

interface Props {
  title: ReactNode;
  /** Text of the primary "add" button in the card's header. */
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}

/** An admin list page's card: its title and, on the right, the primary button that adds an entry. */
export function AdminCard({ title, addLabel, onAdd, children }: Props) {
  return (
    <Card
      title={title}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
          {addLabel}
        </Button>
      }
    >
      {children}
    </Card>
  );
}
