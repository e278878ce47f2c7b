import { Card, Statistic } from 'antd';
import type { ReactNode } from 'react';
import type { Summary, UnitQuantity } from '../../../src/api/contract';
import { formatInt, formatMoney, formatQty } from '../../components/format';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';

interface Stat {
  key: string;
  title: string;
  value: string;
  suffix?: string;
  note?: string;
  tone?: 'danger' | 'warning';
  onClick?: () => void;
}

/** The totals across the top of the overview. */
export function StatCards({ summary }: { summary: Summary }) {
  const { t } = useI18n();
  const stats: Stat[] = [
    {
      key: 'shelters',
      title: t('overview.shelters'),
      value: formatInt(summary.shelters),
      note: t('overview.sheltersInUse', { n: formatInt(summary.sheltersInUse), capacity: formatInt(summary.shelterCapacity) }),
    },
    { key: 'warehouses', title: t('overview.warehouses'), value: formatInt(summary.warehouses), note: t('overview.streetStores', { n: summary.streetStores }) },
    { key: 'streets', title: t('overview.streets'), value: formatInt(summary.streets), note: t('overview.villages', { n: summary.villages }) },
    {
      // Pieces over counted items; weighed and measured items beside them, never added in (src/common/units.ts).
      key: 'onHand',
      title: t('overview.itemsOnHand'),
      value: formatInt(summary.itemsOnHand),
      suffix: t('overview.piecesUnit'),
      note: summary.measuredOnHand.length
        ? t('overview.measuredBeside', { list: measuredText(summary.measuredOnHand, t('fmt.listSep')) })
        : t('overview.catalogue', { n: summary.catalogueItems }),
      onClick: () => navigate(['stock'], { view: 'item' }),
    },
    { key: 'value', title: t('overview.stockValue'), value: formatMoney(summary.stockValue), suffix: t('common.yuan') },
    {
      key: 'expired',
      title: t('overview.batchesExpired'),
      value: formatInt(summary.batchesExpired),
      tone: summary.batchesExpired > 0 ? 'danger' : undefined,
      onClick: () => navigate(['stock'], { view: 'batch', expiry: 'expired' }),
    },
    {
      key: 'expiring',
      title: t('overview.batchesExpiring'),
      value: formatInt(summary.batchesExpiring),
      tone: summary.batchesExpiring > 0 ? 'warning' : undefined,
      onClick: () => navigate(['stock'], { view: 'batch', expiry: 'expiring' }),
    },
  ];
  return (
    <div className="stat-grid">
      {stats.map((s) => (
        <StatCard key={s.key} stat={s} />
      ))}
    </div>
  );
}

export function measuredText(list: UnitQuantity[], sep: string): string {
  return list.map((m) => `${formatQty(m.quantity)} ${m.unit}`).join(sep);
}

function StatCard({ stat }: { stat: Stat }): ReactNode {
  return (
    <Card
      size="small"
      className={`stat-card${stat.onClick ? ' clickable' : ''}${stat.tone ? ` tone-${stat.tone}` : ''}`}
      onClick={stat.onClick}
      data-testid={`stat-${stat.key}`}
    >
      <Statistic title={stat.title} value={stat.value} suffix={stat.suffix} styles={{ content: { fontSize: 19 } }} />
      {stat.note && <div className="stat-note">{stat.note}</div>}
    </Card>
  );
}
