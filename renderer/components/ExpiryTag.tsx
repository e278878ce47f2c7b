import type { ExpiryStatus } from '../../src/api/contract';
import { useI18n } from '../i18n';
import { formatDate } from './format';

/**
 * The expiry status as a small coloured label: expired red, within the rotation lead time orange. A plain span
 * styled like a tag (not antd's Tag): it is drawn in every row of tables that scroll through 100,000 rows.
 */
export function ExpiryTag({ status }: { status: ExpiryStatus }) {
  const { t } = useI18n();
  if (status === 'ok' || status === 'none') return <span className="muted">{t(`expiry.${status}`)}</span>;
  return <span className={`status-tag status-${status}`}>{t(`expiry.${status}`)}</span>;
}

/** An expiry date coloured by its status. */
export function ExpiryDate({ date, status }: { date: string | null | undefined; status: ExpiryStatus }) {
  return <span className={`expiry-${status}`}>{formatDate(date)}</span>;
}
