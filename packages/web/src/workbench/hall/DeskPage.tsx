// 窗口受理: the page a window clerk works from all day — sign in to a window, then take cases in (收件受理), pre-review
// online applications (网上预审), take corrections (补正收件), hand out results (统一出件), and see the day's work (今日工作).
import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Tabs, Tag, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { FullPageSpin } from '../../shared/guards.tsx';
import { useApi } from '../../shared/useApi.ts';
import { CorrectionPanel } from './CorrectionPanel.tsx';
import { IntakePanel } from './IntakePanel.tsx';
import { OnlineReviewPanel } from './OnlineReviewPanel.tsx';
import { PickupPanel } from './PickupPanel.tsx';
import { TodayPanel } from './TodayPanel.tsx';
import { useHallText } from './text.ts';
import type { DeskView, SignedInWindow, WindowChoice } from './types.ts';

export default function DeskPage() {
  const { t } = useHallText();
  const desk = useApi<DeskView>('/api/hall/desk');
  const [tab, setTab] = useState('intake');
  const [changing, setChanging] = useState(false);

  if (desk.error) return <LoadError error={desk.error} onRetry={desk.reload} />;
  if (!desk.data) return <FullPageSpin />;
  const window = desk.data.window;

  return (
    <Card title={t('window.title')} extra={window && !changing ? <WindowBadge window={window} onChange={() => setChanging(true)} /> : null}>
      {!window || changing ? (
        <WindowPicker
          current={window}
          onDone={() => {
            setChanging(false);
            desk.reload();
          }}
          onCancel={() => setChanging(false)}
        />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'intake', label: t('tab.intake'), children: <IntakePanel window={window} onDecided={desk.reload} /> },
            { key: 'online', label: t('tab.online'), children: <OnlineReviewPanel onDone={desk.reload} /> },
            { key: 'correction', label: t('tab.correction'), children: <CorrectionPanel onDone={desk.reload} /> },
            { key: 'pickup', label: `${t('tab.pickup')} (${desk.data.desk?.readyForPickup.length ?? 0})`, children: <PickupPanel rows={desk.data.desk?.readyForPickup ?? []} onDone={desk.reload} /> },
            { key: 'today', label: t('tab.today'), children: desk.data.desk && <TodayPanel desk={desk.data.desk} /> },
          ]}
        />
      )}
    </Card>
  );
}

function WindowBadge({ window, onChange }: { window: SignedInWindow; onChange: () => void }) {
  const { t } = useHallText();
  return (
    <Space wrap>
      <Typography.Text strong data-testid="current-window">
        {t('window.current', { hall: window.hall.name, number: window.number, name: window.name })}
      </Typography.Text>
      <Tag color={window.kind === 'comprehensive' ? 'blue' : 'purple'}>
        {window.kind === 'comprehensive' ? t('window.kind.comprehensive') : t('window.kind.domain', { domains: window.domains.map((d) => d.name).join('、') })}
      </Tag>
      <Button size="small" onClick={onChange}>
        {t('window.change')}
      </Button>
    </Space>
  );
}

/** Choosing a window; a clerk already at one can also go back to the desk unchanged (取消). */
function WindowPicker({ current, onDone, onCancel }: { current: SignedInWindow | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useHallText();
  const choices = useApi<{ items: WindowChoice[] }>('/api/hall/windows');
  const [chosen, setChosen] = useState<string | undefined>(current?.id);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const options = (choices.data?.items ?? []).map((w) => ({
    value: w.id,
    disabled: w.occupant !== null && !w.occupant.isMe,
    label: `${w.hall.name} ${w.number} ${w.name}${w.occupant ? `（${w.occupant.isMe ? t('window.mine') : t('window.occupied', { name: w.occupant.name })}）` : ''}`,
  }));

  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      {!current && <Alert type="info" showIcon title={t('window.none')} />}
      {choices.error && <LoadError error={choices.error} onRetry={choices.reload} />}
      <Select
        autoFocus
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('window.choose')}
        placeholder={t('window.choose')}
        options={options}
        value={chosen}
        onChange={setChosen}
        loading={choices.loading}
        data-testid="window-select"
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Space>
        <Button type="primary" disabled={!chosen} loading={busy} onClick={() => run(() => api.put('/api/hall/sign-in', { windowId: chosen }))}>
          {t('window.signIn')}
        </Button>
        {current && (
          <Button danger loading={busy} onClick={() => run(() => api.delete('/api/hall/sign-in'))}>
            {t('window.signOut')}
          </Button>
        )}
        {current && (
          <Button disabled={busy} onClick={onCancel}>
            {t('window.cancel')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}
