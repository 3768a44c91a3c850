import { ConfigProvider } from 'antd';
import type { GuideContent } from '@onewindow/domain';
import { GuideView, type GuideMeta } from '../../../catalog/GuideView.tsx';

interface Props {
  guide: GuideContent;
  meta: GuideMeta;
  /** The content is an open draft (unpublished), not a published version. */
  draft: boolean;
}

/** 预览: the public guide page's own component over the form's content, so the preview is what applicants will see. */
export function PreviewTab({ guide, meta, draft }: Props) {
  return (
    <ConfigProvider componentDisabled={false}>
      <GuideView guide={guide} meta={meta} preview={draft} />
    </ConfigProvider>
  );
}
