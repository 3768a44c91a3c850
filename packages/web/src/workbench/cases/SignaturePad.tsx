// 签名: the collector signs on screen with a finger, stylus or mouse; the drawing is uploaded as a PNG and the form
// keeps its SHA-256, which the server checks before recording the delivery.
import { useEffect, useRef, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { useCaseAdminText } from './text.ts';

interface Props {
  value?: string;
  onChange?: (sha256: string | undefined) => void;
}

const WIDTH = 480;
const HEIGHT = 160;

export function SignaturePad({ value, onChange }: Props) {
  const { t } = useCaseAdminText();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [strokes, setStrokes] = useState(0);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.strokeStyle = '#111';
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * WIDTH) / box.width, y: ((event.clientY - box.top) * HEIGHT) / box.height };
  };

  const start = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d')!;
    const { x, y } = point(event);
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    context.beginPath();
    context.moveTo(x, y);
  };

  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d')!;
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
  };

  const end = async (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setStrokes((n) => n + 1);
    const element = event.currentTarget;
    const blob = await new Promise<Blob | null>((resolve) => element.toBlob(resolve, 'image/png'));
    if (!blob) return;
    setSaving(true);
    try {
      onChange?.((await api.upload<{ sha256: string }>('/api/cases/files', blob, 'signature.png')).sha256);
    } finally {
      setSaving(false);
    }
  };

  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    setStrokes(0);
    onChange?.(undefined);
  };

  return (
    <Flex vertical gap={4}>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        data-testid="signature-pad"
        aria-label={t('signature.pad')}
        role="img"
        style={{ width: '100%', maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}`, border: '1px dashed #8c8c8c', borderRadius: 4, background: '#fff', touchAction: 'none', cursor: 'crosshair' }}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <Flex gap={8} align="center">
        <Button size="small" onClick={clear} disabled={strokes === 0}>
          {t('signature.clear')}
        </Button>
        <Typography.Text type={value ? 'success' : 'secondary'}>{saving ? t('signature.saving') : value ? t('signature.saved') : t('signature.hint')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
