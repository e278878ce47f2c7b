// The frame: left navigation, a header with the title and where the data lives, and the current screen.
import {
  AlertOutlined,
  AuditOutlined,
  DatabaseOutlined,
  FileExcelOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  SettingOutlined,
  SwapOutlined,
  ThunderboltOutlined,
  BankOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { bridgeAvailable } from './api';
import { AppHeader } from './components/AppHeader';
import { LoadError } from './components/LoadError';
import { useRefData } from './components/RefData';
import { navigate, useRoute } from './components/router';
import { useI18n, type UiKey } from './i18n';
import { CoverageScreen } from './screens/coverage/CoverageScreen';
import { EquipmentScreen } from './screens/equipment/EquipmentScreen';
import { GapsScreen } from './screens/gaps/GapsScreen';
import { LedgersScreen } from './screens/ledgers/LedgersScreen';
import { SheltersScreen } from './screens/shelters/SheltersScreen';
import { StocktakeScreen } from './screens/stocktake/StocktakeScreen';
import { DocumentScreen } from './screens/movements/DocumentScreen';
import { MovementsScreen } from './screens/movements/MovementsScreen';
import { OverviewScreen } from './screens/overview/OverviewScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { StockScreen } from './screens/stock/StockScreen';

const NAV: { key: string; label: UiKey; icon: ReactNode }[] = [
  { key: 'overview', label: 'nav.overview', icon: <HomeOutlined /> },
  { key: 'stock', label: 'nav.stock', icon: <DatabaseOutlined /> },
  { key: 'movements', label: 'nav.movements', icon: <SwapOutlined /> },
  { key: 'equipment', label: 'nav.equipment', icon: <ThunderboltOutlined /> },
  { key: 'coverage', label: 'nav.coverage', icon: <NodeIndexOutlined /> },
  { key: 'shelters', label: 'nav.shelters', icon: <BankOutlined /> },
  { key: 'gaps', label: 'nav.gaps', icon: <AlertOutlined /> },
  { key: 'stocktake', label: 'nav.stocktake', icon: <AuditOutlined /> },
  { key: 'ledgers', label: 'nav.ledgers', icon: <FileExcelOutlined /> },
  { key: 'settings', label: 'nav.settings', icon: <SettingOutlined /> },
];

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const ref = useRefData();
  const section = route.path[0] ?? 'overview';
  const selected = section === 'doc' ? 'movements' : section;

  if (!bridgeAvailable()) {
    return <Result status="warning" title={t('app.noBridge')} subTitle={t('app.noBridgeHint')} />;
  }

  return (
    <Layout className="app-layout">
      <Layout.Sider width={168} className="app-sider no-print" theme="dark">
        <div className="app-logo">
          <span className="app-logo-mark">{t('app.logoMark')}</span>
          <span className="app-logo-text">{t('app.title')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate([key])}
          items={NAV.map((n) => ({ key: n.key, icon: n.icon, label: <span data-testid={`nav-${n.key}`}>{t(n.label)}</span> }))}
        />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content className="app-content">
          {ref.error && !ref.loading ? (
            <LoadError error={ref.error} onRetry={ref.reload} />
          ) : ref.loading && ref.items.length === 0 && ref.locations.length === 0 ? (
            <div className="center-spin">
              <Spin tip={t('common.loading')}>
                <div style={{ width: 200, height: 80 }} />
              </Spin>
            </div>
          ) : (
            <Screen section={section} rest={route.path.slice(1)} query={route.query} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Screen({ section, rest, query }: { section: string; rest: string[]; query: URLSearchParams }) {
  switch (section) {
    case 'stock':
      return <StockScreen key={query.toString()} query={query} />;
    case 'movements':
      return <MovementsScreen tab={rest[0]} query={query} />;
    case 'doc':
      return <DocumentScreen docNo={rest[0] ?? ''} />;
    case 'settings':
      return <SettingsScreen tab={rest[0]} />;
    case 'equipment':
      return <EquipmentScreen rest={rest} query={query} />;
    case 'coverage':
      return <CoverageScreen rest={rest} query={query} />;
    case 'shelters':
      return <SheltersScreen rest={rest} query={query} />;
    case 'gaps':
      return <GapsScreen rest={rest} query={query} />;
    case 'stocktake':
      return <StocktakeScreen rest={rest} query={query} />;
    case 'ledgers':
      return <LedgersScreen rest={rest} query={query} />;
    default:
      return <OverviewScreen />;
  }
}
