// One material of the guide as a slot to fill: its name and tags, how to fill it in, the blank form and sample, the
// files uploaded so far, and the uploads under way with their progress, retries and errors in words.
import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Flex, Progress, Tag, Typography } from 'antd';
import { CheckCircleFilled, DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import type { Material } from '@onewindow/domain';
import { caseFileUrl } from '../../cases/types.ts';
import { guideFileUrl } from '../../catalog/types.ts';
import { useCatalogText } from '../../catalog/useCatalogText.ts';
import { isApiError } from '../../shared/api.ts';
import { usePortalText } from '../portalText.ts';
import { formatSize, isExempt, type SlotFile, type SlotState } from './applyModel.ts';
import { ACCEPTED_FILES, httpTransport, isRetryable, resumableUpload, UploadAbortedError, type UploadSession } from './uploader.ts';
import './apply.css';

const NECESSITY_COLOURS: Record<string, string | undefined> = { required: 'red', deferrable: 'orange', exempt: 'green' };

interface Upload {
  key: number;
  file: File;
  percent: number;
  state: 'uploading' | 'retrying' | 'failed';
  attempt: number;
  error: string | null;
  /** A network failure, worth trying again; a refused file is not. */
  retryable: boolean;
  session?: UploadSession;
  controller: AbortController;
}

interface Props {
  material: Material;
  index: number;
  slot: SlotState;
  /** Functional, since several uploads of one slot may finish at once. */
  onChange: (update: (slot: SlotState) => SlotState) => void;
  /** The saved case, whose stored files can be opened. */
  caseId: string | null;
  errors?: string[];
  /** Told when uploads start and end, so the page can wait for them before saving or submitting. */
  onBusyChange?: (materialId: string, busy: boolean) => void;
}

let nextKey = 1;

export function MaterialSlot({ material, index, slot, onChange, caseId, errors = [], onBusyChange }: Props) {
  const t = usePortalText();
  const { t: tCatalog, code } = useCatalogText();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const titleId = `slot-${material.id}-title`;
  const errorId = `slot-${material.id}-errors`;
  const exempt = isExempt(material);
  const deferrable = material.necessity === 'deferrable';

  const uploadsRef = useRef(uploads);
  useEffect(() => {
    uploadsRef.current = uploads;
    onBusyChange?.(material.id, uploads.some((upload) => upload.state !== 'failed'));
  }, [uploads, material.id, onBusyChange]);
  // Leaving the page cancels what is still being sent.
  useEffect(() => () => uploadsRef.current.forEach((upload) => upload.controller.abort()), []);

  const patch = (key: number, change: Partial<Upload>) => setUploads((list) => list.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  function describe(error: unknown, name: string): string {
    if (isApiError(error, 'FILE_TYPE_NOT_ALLOWED')) return t('slot.errorType', { name });
    if (isApiError(error, 'FILE_TOO_LARGE') || isApiError(error, 'BODY_TOO_LARGE')) return t('slot.errorSize', { name });
    if (isApiError(error, 'FILE_EMPTY')) return t('slot.errorEmpty', { name });
    if (isApiError(error) && (error.status === 0 || error.status >= 500)) return t('slot.errorNetwork', { name });
    return t('slot.errorOther', { name, reason: isApiError(error) ? (error.detail ?? error.title) : String(error) });
  }

  async function run(upload: Upload) {
    const { key, file } = upload;
    try {
      const stored = await resumableUpload(file, file.name, httpTransport, {
        session: upload.session,
        signal: upload.controller.signal,
        onSession: (session) => patch(key, { session }),
        onProgress: (sent, total) => patch(key, { percent: Math.floor((sent / total) * 100), state: 'uploading' }),
        onRetry: (attempt) => patch(key, { state: 'retrying', attempt }),
      });
      const added: SlotFile = { sha256: stored.sha256, mime: stored.mime, name: file.name, size: stored.size };
      onChange((current) => ({
        deferred: false,
        files: current.files.some((existing) => existing.sha256 === added.sha256) ? current.files : [...current.files, added],
      }));
      setUploads((list) => list.filter((entry) => entry.key !== key));
    } catch (error) {
      if (error instanceof UploadAbortedError) {
        setUploads((list) => list.filter((entry) => entry.key !== key));
        return;
      }
      patch(key, { state: 'failed', error: describe(error, file.name), retryable: isRetryable(error) });
    }
  }

  function start(files: FileList | null) {
    if (!files) return;
    const started = [...files].map<Upload>((file) => ({
      key: nextKey++, file, percent: 0, state: 'uploading', attempt: 0, error: null, retryable: false, controller: new AbortController(),
    }));
    setUploads((list) => [...list, ...started]);
    started.forEach((upload) => void run(upload));
  }

  function retry(upload: Upload) {
    const again: Upload = { ...upload, state: 'uploading', error: null, attempt: 0, controller: new AbortController() };
    patch(upload.key, again);
    void run(again);
  }

  const removeFile = (sha256: string) => onChange((current) => ({ ...current, files: current.files.filter((file) => file.sha256 !== sha256) }));
  const describedBy = errors.length > 0 ? errorId : undefined;
  const uploadText = slot.files.length > 0 ? t('slot.uploadMore') : t('slot.upload');

  return (
    <section className={`material-slot${errors.length > 0 ? ' has-error' : ''}`} aria-labelledby={titleId} data-testid="material-slot" data-material={material.id}>
      <Flex wrap gap={8} align="center">
        <Typography.Title level={3} id={titleId} className="material-slot-title">
          {index + 1}. {material.name}
        </Typography.Title>
        <Tag color={NECESSITY_COLOURS[material.necessity]}>{code('necessity', material.necessity)}</Tag>
        {slot.files.length > 0 && (
          <Typography.Text type="success">
            <CheckCircleFilled aria-hidden /> {t('slot.provided', { count: slot.files.length })}
          </Typography.Text>
        )}
      </Flex>
      {material.fillingNotes.trim() && <div className="material-slot-notes">{t('slot.notes', { text: material.fillingNotes })}</div>}
      {(material.blankForm || material.sample) && (
        <Flex wrap gap={12} className="material-slot-notes">
          <span>{t('slot.downloads')}</span>
          {material.blankForm && (
            <a href={guideFileUrl(material.blankForm)} target="_blank" rel="noopener noreferrer">
              {tCatalog('material.blankForm')}
            </a>
          )}
          {material.sample && (
            <a href={guideFileUrl(material.sample)} target="_blank" rel="noopener noreferrer">
              {tCatalog('material.sample')}
            </a>
          )}
        </Flex>
      )}

      {exempt ? (
        <Typography.Text type="success" data-testid="slot-exempt">
          <CheckCircleFilled aria-hidden /> {t('slot.exempt')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          {slot.files.length > 0 && (
            <ul className="slot-files" data-testid="slot-files">
              {slot.files.map((file, fileIndex) => {
                const name = file.name ?? t('slot.fileN', { n: fileIndex + 1 });
                return (
                  <li key={file.sha256}>
                    <FileOutlined aria-hidden />
                    {caseId && !file.name ? (
                      <a href={caseFileUrl(caseId, file.sha256)} target="_blank" rel="noopener noreferrer">
                        {name}
                      </a>
                    ) : (
                      <span className="slot-file-name">{name}</span>
                    )}
                    {file.size !== undefined && <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>}
                    <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('slot.removeLabel', { name })} onClick={() => removeFile(file.sha256)}>
                      {t('slot.remove')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
          {uploads.map((upload) => (
            <div key={upload.key} className="slot-upload" data-testid="slot-upload" data-state={upload.state}>
              <Flex justify="space-between" gap={8} wrap>
                <span className="slot-file-name">{upload.file.name}</span>
                <Typography.Text type="secondary">{formatSize(upload.file.size)}</Typography.Text>
              </Flex>
              {upload.state !== 'failed' ? (
                <>
                  <Progress
                    percent={upload.percent}
                    size="small"
                    status="active"
                    aria-label={t('slot.uploading', { percent: upload.percent })}
                    data-testid="upload-progress"
                  />
                  <Flex justify="space-between" wrap gap={8}>
                    <Typography.Text type={upload.state === 'retrying' ? 'warning' : 'secondary'} aria-live="polite">
                      {upload.state === 'retrying' ? t('slot.retrying', { attempt: upload.attempt }) : t('slot.uploading', { percent: upload.percent })}
                    </Typography.Text>
                    <Button size="small" onClick={() => upload.controller.abort()}>
                      {t('slot.cancel')}
                    </Button>
                  </Flex>
                </>
              ) : (
                <Flex vertical gap={4}>
                  <Typography.Text type="danger" role="alert" data-testid="upload-error">
                    {upload.error}
                  </Typography.Text>
                  <Flex gap={8}>
                    {upload.retryable && (
                      <Button size="small" onClick={() => retry(upload)} data-testid="upload-retry">
                        {t('slot.retry')}
                      </Button>
                    )}
                    <Button size="small" onClick={() => setUploads((list) => list.filter((entry) => entry.key !== upload.key))}>
                      {t('slot.dismiss')}
                    </Button>
                  </Flex>
                </Flex>
              )}
            </div>
          ))}
          <Flex wrap gap={12} align="center">
            <Button
              icon={<UploadOutlined />}
              onClick={() => input.current?.click()}
              aria-label={t('slot.uploadLabel', { action: uploadText, name: material.name })}
              aria-describedby={describedBy}
              data-testid="slot-upload-button"
            >
              {uploadText}
            </Button>
            <Typography.Text type="secondary" className="slot-hint">
              {t('slot.hint')}
            </Typography.Text>
            <input
              ref={input}
              type="file"
              multiple
              accept={ACCEPTED_FILES}
              hidden
              tabIndex={-1}
              aria-hidden
              data-testid="slot-file-input"
              onChange={(event) => {
                start(event.target.files);
                event.target.value = '';
              }}
            />
          </Flex>
          {deferrable && slot.files.length === 0 && (
            <Checkbox checked={slot.deferred} onChange={(event) => onChange((current) => ({ ...current, deferred: event.target.checked }))} data-testid="slot-deferred">
              {t('slot.deferred')}
            </Checkbox>
          )}
        </Flex>
      )}
      {errors.length > 0 && (
        <div id={errorId} className="slot-errors" role="alert" data-testid="slot-error">
          {errors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </div>
      )}
    </section>
  );
}
