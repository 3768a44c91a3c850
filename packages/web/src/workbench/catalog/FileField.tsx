import { useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { guideFileUrl, type UploadedFile } from '../../catalog/types.ts';
import { api } from '../../shared/api.ts';
import { describeError } from '../../shared/errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useCatalogAdminText } from './text.ts';
import { chooseFile, describeUploadProblem } from './uploads.ts';

/** What the server accepts for blank forms and samples (it checks the content, not the name). */
const ACCEPT = '.pdf,.doc,.docx,.xlsx,.jpg,.jpeg,.png,.ofd';

interface Props {
  /** The uploaded file's SHA-256, or null. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  id?: string;
}

/** A guide file (空白表格, 示例样表, 结果样本) as an antd form control: upload, see, remove. */
export function FileField({ value, onChange, disabled, id }: Props) {
  const { t } = useCatalogAdminText();
  const { t: tApp } = useI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [filename, setFilename] = useState<string>();

  async function upload() {
    const file = await chooseFile(ACCEPT);
    if (!file) return;
    setUploading(true);
    try {
      const uploaded = await api.upload<UploadedFile>('/api/catalog/files', file);
      setFilename(uploaded.filename);
      onChange?.(uploaded.sha256);
      message.success(t('file.uploaded', { name: uploaded.filename }));
    } catch (error) {
      message.error(describeUploadProblem(error) ?? describeError(error, tApp));
    } finally {
      setUploading(false);
    }
  }

  return (
    <Flex id={id} align="center" gap={4} wrap>
      {value ? (
        <>
          <PaperClipOutlined />
          <Typography.Link href={guideFileUrl(value)} target="_blank" rel="noopener noreferrer" title={value}>
            {filename ?? t('file.uploadedFile', { hash: value.slice(0, 8) })}
          </Typography.Link>
          {!disabled && (
            <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('file.remove')} onClick={() => onChange?.(null)} />
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('file.none')}</Typography.Text>
      )}
      {!disabled && (
        <Button size="small" icon={<UploadOutlined />} loading={uploading} onClick={upload}>
          {value ? t('file.replace') : t('file.upload')}
        </Button>
      )}
    </Flex>
  );
}
