// 基础数据: the area tree, the locations that hold stock, the item catalogue, preferences, and the backups.
import { Tabs } from 'antd';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { AreasTab } from './AreasTab';
import { BackupsTab } from './BackupsTab';
import { ItemsTab } from './ItemsTab';
import { LocationsTab } from './LocationsTab';
import { PreferencesTab } from './PreferencesTab';

const TABS = ['areas', 'locations', 'items', 'preferences', 'backups'] as const;

export function SettingsScreen({ tab }: { tab: string | undefined }) {
  const { t } = useI18n();
  const active = TABS.includes(tab as (typeof TABS)[number]) ? (tab as (typeof TABS)[number]) : 'areas';
  return (
    <div className="screen settings" data-testid="screen-settings">
      <Tabs
        size="small"
        activeKey={active}
        onChange={(k) => navigate(['settings', k])}
        destroyOnHidden
        items={[
          { key: 'areas', label: <span data-testid="tab-areas">{t('settings.tab.areas')}</span>, children: <AreasTab /> },
          { key: 'locations', label: <span data-testid="tab-locations">{t('settings.tab.locations')}</span>, children: <LocationsTab /> },
          { key: 'items', label: <span data-testid="tab-items">{t('settings.tab.items')}</span>, children: <ItemsTab /> },
          { key: 'preferences', label: <span data-testid="tab-preferences">{t('settings.tab.preferences')}</span>, children: <PreferencesTab /> },
          { key: 'backups', label: <span data-testid="tab-backups">{t('settings.tab.backups')}</span>, children: <BackupsTab /> },
        ]}
      />
    </div>
  );
}
