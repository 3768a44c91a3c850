// 事项: found by Chinese, full pinyin or initials as the clerk types; arrow keys and Enter choose. Items a domain
// window may not take in are marked, so the clerk can send the applicant to the right window at once.
import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Flex, Tag, Typography } from 'antd';
import type { SearchHit, SearchResults } from '../../catalog/types.ts';
import { api } from '../../shared/api.ts';
import { useHallText } from './text.ts';
import type { SignedInWindow } from './types.ts';

interface Props {
  window: SignedInWindow;
  value: string;
  onChoose: (hit: SearchHit) => void;
}

const serves = (window: SignedInWindow, hit: SearchHit) => window.kind === 'comprehensive' || window.domains.some((d) => d.code === hit.domain);

export function ItemPicker({ window, value, onChoose }: Props) {
  const { t } = useHallText();
  const [text, setText] = useState(value);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const latest = useRef(0);

  useEffect(() => setText(value), [value]);

  useEffect(() => {
    const q = text.trim();
    if (!q || q === value) return setHits([]);
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void api.get<SearchResults>('/api/catalog/search', { q, pageSize: 10 }).then((r) => {
        if (ticket === latest.current) setHits(r.items);
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <AutoComplete
      autoFocus
      value={text}
      onChange={setText}
      defaultActiveFirstOption
      style={{ width: '100%' }}
      placeholder={t('intake.itemPlaceholder')}
      aria-label={t('intake.item')}
      data-testid="item-picker"
      options={hits.map((hit) => ({
        value: hit.code,
        label: (
          <Flex justify="space-between" gap={8}>
            {/* The same item is often implemented at the city and at a district by the same bureau: the region tells them apart. */}
            <span>
              {hit.name} <Typography.Text type="secondary">· {hit.region} · {hit.department}</Typography.Text>
            </span>
            {!serves(window, hit) && <Tag color="red">{t('intake.notServed')}</Tag>}
          </Flex>
        ),
      }))}
      onSelect={(code: string) => {
        const hit = hits.find((h) => h.code === code);
        if (hit) {
          // An item this window may not take in is refused, and the intake stays on its current item: the picker
          // must go on showing that one, not the refused name over the current item's checklist.
          setText(serves(window, hit) ? hit.name : value);
          onChoose(hit);
        }
      }}
    />
  );
}
