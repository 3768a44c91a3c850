import { Typography } from 'antd';

/** A portal section's heading (its id labels the section) and the sentence under it that says what to do there. */
export function PanelHeading({ id, title, intro }: { id: string; title: string; intro: string }) {
  return (
    <>
      <Typography.Title level={2} id={id} className="apply-section-title">
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
    </>
  );
}
