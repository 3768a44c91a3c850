// 扫描件: dragged in or chosen (the server decides the type by content), or captured from a document camera
// (高拍仪, which the browser sees as a camera).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Modal, Tag, Upload } from 'antd';
import { CameraOutlined, InboxOutlined } from '@ant-design/icons';
import { api, isApiError } from '../../shared/api.ts';
import { useHallText } from './text.ts';
import type { ScanFile } from './intakeDraft.ts';

interface Props {
  files: ScanFile[];
  onChange: (files: ScanFile[]) => void;
  label: string;
}

async function store(blob: Blob, name: string): Promise<ScanFile> {
  const saved = await api.upload<{ sha256: string; mime: string }>('/api/cases/files', blob, name);
  return { sha256: saved.sha256, mime: saved.mime, name };
}

export function ScanUpload({ files, onChange, label }: Props) {
  const { t } = useHallText();
  const [error, setError] = useState<string>();
  const [camera, setCamera] = useState(false);
  const current = useRef(files);
  current.current = files;

  const add = async (blob: Blob, name: string) => {
    setError(undefined);
    try {
      const file = await store(blob, name);
      if (!current.current.some((f) => f.sha256 === file.sha256)) onChange([...current.current, file]);
    } catch (failure) {
      setError(isApiError(failure) ? failure.title : String(failure));
    }
  };

  return (
    <Flex vertical gap={4}>
      <Flex gap={4} wrap align="center">
        {files.map((f) => (
          <Tag key={f.sha256} closable onClose={() => onChange(files.filter((x) => x.sha256 !== f.sha256))} closeIcon={<span aria-label={t('scan.remove')}>×</span>}>
            {f.name}
          </Tag>
        ))}
      </Flex>
      <Flex gap={4}>
        <Upload.Dragger
          multiple
          showUploadList={false}
          accept=".pdf,.jpg,.jpeg,.png,.ofd"
          customRequest={({ file, onSuccess }) => {
            void add(file as File, (file as File).name).then(() => onSuccess?.({}));
          }}
          style={{ padding: 0 }}
          aria-label={`${label} ${t('scan.drop')}`}
        >
          <small>
            <InboxOutlined /> {t('scan.drop')}
          </small>
        </Upload.Dragger>
        <Button icon={<CameraOutlined />} onClick={() => setCamera(true)} aria-label={`${label} ${t('scan.camera')}`} />
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      {camera && <CameraCapture onClose={() => setCamera(false)} onCaptured={(blob) => add(blob, `${label}-${files.length + 1}.jpg`)} />}
    </Flex>
  );
}

function CameraCapture({ onClose, onCaptured }: { onClose: () => void; onCaptured: (blob: Blob) => void }) {
  const { t } = useHallText();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let stream: MediaStream | null = null;
    navigator.mediaDevices?.getUserMedia({ video: { width: { ideal: 2592 }, height: { ideal: 1944 } } }).then(
      (s) => {
        stream = s;
        if (video.current) video.current.srcObject = s;
      },
      (failure: unknown) => setError(t('scan.cameraError', { reason: failure instanceof Error ? failure.message : String(failure) })),
    );
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, [t]);

  const capture = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')!.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && onCaptured(blob), 'image/jpeg', 0.9);
  };

  return (
    <Modal open title={t('scan.camera')} onCancel={onClose} onOk={capture} okText={t('scan.capture')} width={720}>
      {error ? <Alert type="error" showIcon title={error} /> : <video ref={video} autoPlay playsInline muted style={{ width: '100%', background: '#000' }} />}
    </Modal>
  );
}
