import { Card } from 'antd';
import { useI18n } from '../../i18n';

/** Placeholder until this screen lands. */
export function SheltersScreen({ rest }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  return <Card title={t('nav.shelters')} data-testid="screen-shelters">{rest.join('/')}</Card>;
}
