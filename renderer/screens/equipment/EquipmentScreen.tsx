import { Card } from 'antd';
import { useI18n } from '../../i18n';

/** Placeholder until this screen lands. */
export function EquipmentScreen({ rest }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  return <Card title={t('nav.equipment')} data-testid="screen-equipment">{rest.join('/')}</Card>;
}
