// 导入导出: choose a ledger (#/ledgers/<kind>), import a workbook of it through the wizard, download its empty
// template, or export it in the bureau's shape (stock and movements for one location or all).
import { DownloadOutlined, FileExcelOutlined, FolderAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Menu, Select } from 'antd';
import { useMemo, useState } from 'react';
import { call } from '../../api';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { ExportButton } from './ExportButton';
import { problemText, saveWorkbook } from './files';
import { ImportWizard } from './ImportWizard';
import { isLedgerKind, kindName, kindTakesLocation, type LedgerKind, ledgerKinds } from './kinds';
import { OnboardWizard } from './OnboardWizard';
import './ledgers.css';

export function LedgersScreen({ rest, query }: { rest: string[]; query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, gloss } = i18n;
  const { message } = App.useApp();
  const { locations } = useRefData();
  const onboarding = rest[0] === 'onboard';
  const kind: LedgerKind = isLedgerKind(rest[0]) ? rest[0] : 'stock';
  const [exportLocation, setExportLocation] = useState<string | undefined>(query.get('location') ?? undefined);
  const [templateBusy, setTemplateBusy] = useState(false);

  const locationOptions = useMemo(
    () => locations.map((l) => ({ value: l.code, label: `${l.code} ${l.name}`, search: `${l.code} ${l.name}`.toLowerCase() })),
    [locations],
  );

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      const file = await call('ledgers.template', { kind });
      const saved = await saveWorkbook(file.fileName, file.data, t('ledgers.templateSave'));
      if (saved) void message.success(saved.native ? t('ledgers.saved', { file: saved.saved }) : t('ledgers.downloaded', { file: saved.saved }));
    } catch (e) {
      void message.error(t('ledgers.saveFailed', { detail: problemText(e, gloss) }));
    } finally {
      setTemplateBusy(false);
    }
  };

  return (
    <div className="screen ledgers" data-testid="screen-ledgers">
      <div className="ledgers-layout">
        <div className="ledgers-side-panel">
          <Card size="small" title={t('ledgers.kindLabel')} className="ledgers-panel ledgers-kind-panel">
            <Menu
              mode="inline"
              selectedKeys={[onboarding ? 'onboard' : kind]}
              onClick={({ key }) => navigate(['ledgers', key])}
              items={[
                { key: 'onboard', icon: <FolderAddOutlined />, label: <span data-testid="ledgers-onboard">{t('ledgers.onboardMenu')}</span> },
                { type: 'divider' as const },
                ...ledgerKinds.map((k) => ({
                  key: k,
                  icon: <FileExcelOutlined />,
                  label: <span data-testid={`ledgers-kind-${k}`}>{kindName(i18n, k)}</span>,
                })),
              ]}
            />
          </Card>
          <Card size="small" title={t('ledgers.exportKind', { kind: kindName(i18n, kind) })} className="ledgers-panel">
            {kindTakesLocation(kind) && (
              <Select
                allowClear
                style={{ width: '100%', marginBottom: 8 }}
                placeholder={t('ledgers.exportAllLocations')}
                value={exportLocation}
                onChange={(v?: string) => setExportLocation(v)}
                options={locationOptions}
                showSearch={{ filterOption: (input, o) => (o?.search ?? '').includes(input.toLowerCase()) }}
                popupMatchSelectWidth={320}
                data-testid="ledgers-export-location"
              />
            )}
            <ExportButton kind={kind} locationCode={kindTakesLocation(kind) ? exportLocation : undefined} type="primary" block testId="ledgers-export" />
            <div className="ledgers-panel-hint">{t('ledgers.exportHint')}</div>
          </Card>
          <Card size="small" title={t('ledgers.templateTitle')} className="ledgers-panel">
            <Button block icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void downloadTemplate()} data-testid="ledgers-template">
              {t('ledgers.template')}
            </Button>
            <div className="ledgers-panel-hint">{t('ledgers.templateHint')}</div>
          </Card>
        </div>
        <div className="ledgers-wizard-box">
          {onboarding ? <OnboardWizard /> : <ImportWizard key={kind} kind={kind} onTemplate={() => void downloadTemplate()} templateBusy={templateBusy} />}
        </div>
      </div>
    </div>
  );
}
