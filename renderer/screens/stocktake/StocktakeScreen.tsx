import { Card } from 'antd';
import { useI18n } from '../../i18n';

/** Placeholder until this screen lands. */
export function StocktakeScreen({ rest }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  return <Card title={t('nav.stocktake')} data-testid="screen-stocktake">{rest.join('/')}</Card>;
}
