import { Card } from 'antd';
import { useI18n } from '../../i18n';

/** Placeholder until this screen lands. */
export function LedgersScreen({ rest }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  return <Card title={t('nav.ledgers')} data-testid="screen-ledgers">{rest.join('/')}</Card>;
}
