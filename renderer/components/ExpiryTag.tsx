import { Tag } from 'antd';
import type { ExpiryStatus } from '../../src/api/contract';
import { useI18n } from '../i18n';
import { formatDate } from './format';

const COLOR: Record<ExpiryStatus, string | undefined> = { expired: 'red', expiring: 'orange', ok: undefined, none: undefined };

/** The expiry status as a small coloured tag: expired red, within the rotation lead time orange. */
export function ExpiryTag({ status }: { status: ExpiryStatus }) {
  const { t } = useI18n();
  if (status === 'ok' || status === 'none') return <span className="muted">{t(`expiry.${status}`)}</span>;
  return (
    <Tag color={COLOR[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`expiry.${status}`)}
    </Tag>
  );
}

/** An expiry date coloured by its status. */
export function ExpiryDate({ date, status }: { date: string | null | undefined; status: ExpiryStatus }) {
  return <span className={`expiry-${status}`}>{formatDate(date)}</span>;
}
