// 缺口与定额: the gap list (#/gaps?street=HM&kind=materials&cat=stock), the rotation plan (#/gaps/rotation) and the
// reserve norms with the streets' evacuation population (#/gaps/norms). Filters live in the address, so the
// overview can link straight to the gaps behind a number.
import { Tabs } from 'antd';
import { useState } from 'react';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import './gaps.css';
import { type GapFilter, GapListTab } from './GapListTab';
import { NormsTab } from './NormsTab';
import { RotationTab } from './RotationTab';
import { isGapCategory, isGapKind } from './shared';

const TABS = ['list', 'rotation', 'norms'] as const;
type Tab = (typeof TABS)[number];

export function GapsScreen({ rest, query }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  const tab: Tab = (TABS as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as Tab) : 'list';
  const kind = query.get('kind');
  const cat = query.get('cat');
  const filter: GapFilter = {
    street: query.get('street') || undefined,
    kind: isGapKind(kind) ? kind : undefined,
    cat: isGapCategory(cat) ? cat : undefined,
  };
  // Bumped when a norm changes: the gap list and the rotation plan read again (the reference data need not).
  const [tick, setTick] = useState(0);
  const go = (next: Tab, q: Record<string, string | undefined> = {}) => navigate(next === 'list' ? ['gaps'] : ['gaps', next], q);

  return (
    <div className="screen gaps" data-testid="screen-gaps">
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(k) => go(k as Tab, { street: filter.street })}
        items={[
          {
            key: 'list',
            label: <span data-testid="tab-gaps-list">{t('gaps.tab.list')}</span>,
            children: <GapListTab tick={tick} filter={filter} onFilter={(f) => go('list', { street: f.street, kind: f.kind, cat: f.cat })} />,
          },
          {
            key: 'rotation',
            label: <span data-testid="tab-gaps-rotation">{t('gaps.tab.rotation')}</span>,
            children: <RotationTab tick={tick} street={filter.street} onStreet={(s) => go('rotation', { street: s })} />,
          },
          { key: 'norms', label: <span data-testid="tab-gaps-norms">{t('gaps.tab.norms')}</span>, children: <NormsTab tick={tick} onChanged={() => setTick((n) => n + 1)} /> },
        ]}
      />
    </div>
  );
}
