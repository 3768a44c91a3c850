// 文书: the PDF the decision produced (受理通知书, 补齐补正告知书, 不予受理决定书, 决定书), shown ready to print.
import { useRef, useState } from 'react';
import { Button, Modal, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useHallText } from './text.ts';
import type { CaseDocument } from './types.ts';

export function DocumentModal({ document, onClose }: { document: CaseDocument; onClose: () => void }) {
  const { t } = useHallText();
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState(false);
  return (
    <Modal
      open
      title={document.title}
      onCancel={onClose}
      width={900}
      footer={
        <Space>
          <Button href={document.url} target="_blank" rel="noopener noreferrer">
            {t('doc.open')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!loaded} onClick={() => frame.current?.contentWindow?.print()}>
            {t('doc.print')}
          </Button>
        </Space>
      }
    >
      <iframe
        ref={frame}
        src={document.url}
        title={document.title}
        data-testid="document-frame"
        data-loaded={loaded ? 'true' : 'false'}
        onLoad={() => setLoaded(true)}
        style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9' }}
      />
    </Modal>
  );
}
