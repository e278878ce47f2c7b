// 导入导出: choose a ledger (#/ledgers/<kind>), import a workbook of it through the wizard, download its empty
// template, or export it in the bureau's shape (stock and movements for one location or all).
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Divider, Segmented, Select } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { call } from '../../api';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { ExportButton } from './ExportButton';
import { problemText, saveWorkbook } from './files';
import { ImportWizard } from './ImportWizard';
import { isLedgerKind, kindName, kindTakesLocation, type LedgerKind, ledgerKinds } from './kinds';
import './ledgers.css';

export function LedgersScreen({ rest, query }: { rest: string[]; query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, gloss } = i18n;
  const { message } = App.useApp();
  const { locations } = useRefData();
  const kind: LedgerKind = isLedgerKind(rest[0]) ? rest[0] : 'stock';
  const [exportLocation, setExportLocation] = useState<string | undefined>(query.get('location') ?? undefined);
  const [templateBusy, setTemplateBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 4, 420);

  const locationOptions = useMemo(
    () => locations.map((l) => ({ value: l.code, label: `${l.code} ${l.name}`, search: `${l.code} ${l.name}`.toLowerCase() })),
    [locations],
  );

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      const file = await call('ledgers.template', { kind });
      const saved = await saveWorkbook(file.fileName, file.data, t('ledgers.templateTitle'));
      if (saved) void message.success(saved.native ? t('ledgers.saved', { file: saved.saved }) : t('ledgers.downloaded', { file: saved.saved }));
    } catch (e) {
      void message.error(t('ledgers.saveFailed', { detail: problemText(e, gloss) }));
    } finally {
      setTemplateBusy(false);
    }
  };

  return (
    <div className="screen ledgers" data-testid="screen-ledgers">
      <div className="toolbar">
        <div className="ledgers-kinds">
          <span className="ledgers-field-label inline">{t('fmt.label', { a: t('ledgers.kindLabel') })}</span>
          <Segmented<LedgerKind>
            value={kind}
            onChange={(k) => navigate(['ledgers', k])}
            options={ledgerKinds.map((k) => ({ value: k, label: <span data-testid={`ledgers-kind-${k}`}>{kindName(i18n, k)}</span> }))}
          />
        </div>
        <div className="ledgers-actions">
          <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void downloadTemplate()} data-testid="ledgers-template">
            {t('ledgers.template')}
          </Button>
          <Divider orientation="vertical" />
          {kindTakesLocation(kind) && (
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('ledgers.exportAllLocations')}
              value={exportLocation}
              onChange={(v?: string) => setExportLocation(v)}
              options={locationOptions}
              showSearch={{ filterOption: (input, o) => (o?.search ?? '').includes(input.toLowerCase()) }}
              popupMatchSelectWidth={320}
              data-testid="ledgers-export-location"
            />
          )}
          <ExportButton kind={kind} locationCode={kindTakesLocation(kind) ? exportLocation : undefined} type="primary" testId="ledgers-export" />
        </div>
      </div>
      <div ref={box}>
        <ImportWizard key={kind} kind={kind} height={height} onTemplate={() => void downloadTemplate()} templateBusy={templateBusy} />
      </div>
    </div>
  );
}
