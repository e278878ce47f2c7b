import { Card } from 'antd';
import { useI18n } from '../../i18n';

/** Placeholder until this screen lands. */
export function GapsScreen({ rest }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  return <Card title={t('nav.gaps')} data-testid="screen-gaps">{rest.join('/')}</Card>;
}
