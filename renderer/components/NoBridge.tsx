import { Result } from 'antd';
import { useI18n } from '../i18n';

/** The page was opened without the app's bridge: it says how to open it instead. */
export function NoBridge() {
  const { t } = useI18n();
  return <Result status="warning" title={t('app.noBridge')} subTitle={t('app.noBridgeHint')} />;
}
