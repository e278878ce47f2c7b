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
import { Layout, Menu, Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { bridgeAvailable } from './api';
import { AppHeader } from './components/AppHeader';
import { LoadError } from './components/LoadError';
import { LedgerBanner } from './components/ProblemBanner';
import { useRefData } from './components/RefData';
import { navigate, useRoute } from './components/router';
import { prefetchOverview } from './prefetch';
import { useI18n, type UiKey } from './i18n';
import { OverviewScreen } from './screens/overview/OverviewScreen';

// The overview comes with the page; every other screen is its own chunk, fetched when first shown (and fetched
// ahead once the first screen is up), so the page starts with less script to compile.
const screens = {
  stock: () => import('./screens/stock/StockScreen').then((m) => ({ default: m.StockScreen })),
  movements: () => import('./screens/movements/MovementsScreen').then((m) => ({ default: m.MovementsScreen })),
  doc: () => import('./screens/movements/DocumentScreen').then((m) => ({ default: m.DocumentScreen })),
  settings: () => import('./screens/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
  equipment: () => import('./screens/equipment/EquipmentScreen').then((m) => ({ default: m.EquipmentScreen })),
  coverage: () => import('./screens/coverage/CoverageScreen').then((m) => ({ default: m.CoverageScreen })),
  shelters: () => import('./screens/shelters/SheltersScreen').then((m) => ({ default: m.SheltersScreen })),
  gaps: () => import('./screens/gaps/GapsScreen').then((m) => ({ default: m.GapsScreen })),
  stocktake: () => import('./screens/stocktake/StocktakeScreen').then((m) => ({ default: m.StocktakeScreen })),
  ledgers: () => import('./screens/ledgers/LedgersScreen').then((m) => ({ default: m.LedgersScreen })),
};
// Only where the page was opened without the app's bridge (a plain browser on the built files): rare, so not in
// the first script.
const NoBridge = lazy(() => import('./components/NoBridge').then((m) => ({ default: m.NoBridge })));
const StockScreen = lazy(screens.stock);
const MovementsScreen = lazy(screens.movements);
const DocumentScreen = lazy(screens.doc);
const SettingsScreen = lazy(screens.settings);
const EquipmentScreen = lazy(screens.equipment);
const CoverageScreen = lazy(screens.coverage);
const SheltersScreen = lazy(screens.shelters);
const GapsScreen = lazy(screens.gaps);
const StocktakeScreen = lazy(screens.stocktake);
const LedgersScreen = lazy(screens.ledgers);

/** Fetches every screen's chunk while the user reads the first one, so that no later click waits for one. */
function useScreensAhead(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      for (const load of Object.values(screens)) void load().catch(() => undefined);
    }, 1500);
    return () => clearTimeout(timer);
  }, [ready]);
}

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
  useScreensAhead(!ref.loading);

  if (!bridgeAvailable()) {
    return (
      <Suspense fallback={null}>
        <NoBridge />
      </Suspense>
    );
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
          // The navigation is never collapsed, so its items need no tooltips (an antd Tooltip each, at every start).
          tooltip={false}
          selectedKeys={[selected]}
          onClick={({ key }) => navigate([key])}
          items={NAV.map((n) => ({
            key: n.key,
            icon: n.icon,
            label: (
              <span data-testid={`nav-${n.key}`} onMouseEnter={n.key === 'overview' && selected !== 'overview' ? prefetchOverview : undefined}>
                {t(n.label)}
              </span>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content className="app-content">
          <LedgerBanner />
          {ref.error && !ref.loading ? (
            <LoadError error={ref.error} onRetry={ref.reload} />
          ) : ref.loading && ref.info === undefined ? (
            // Only the first load: a reload after a change keeps the screen (and whatever the user has open) in place,
            // even in a ledger that is still empty.
            <div className="center-spin">
              <Spin tip={t('common.loading')}>
                <div style={{ width: 200, height: 80 }} />
              </Spin>
            </div>
          ) : (
            <Suspense fallback={<Spin className="center-spin" />}>
              <Screen section={section} rest={route.path.slice(1)} query={route.query} />
            </Suspense>
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
