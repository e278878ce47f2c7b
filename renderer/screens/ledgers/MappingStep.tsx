// Step 2: which sheets, the header row found in each, and what every column is imported as (with how sure the
// detection was). The user may map a column to another field or ignore it, and choose a default location.
import { Alert, Button, Empty, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef } from 'react';
import type { LedgerInspection, LedgerSheetInspection } from '../../../src/api/contract.ledgers';
import { formatInt } from '../../components/format';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { kindName, kindTakesLocation, shanghaiTime } from './kinds';
import { FOOTER_RESERVE, TABLE_HEAD } from './layout';
import { applyOverrides, type MappingOverrides, missingFields, sampleOf, type ShownColumn, withOverride } from './mapping';

const IGNORE = '__ignore__';

type SheetRow = LedgerSheetInspection & { viewed: boolean; out: boolean };

export interface MappingStepProps {
  inspection: LedgerInspection;
  /** The one sheet to import; undefined for all (visible) sheets. */
  sheet: string | undefined;
  onSheet(sheet: string | undefined): void;
  /** The sheet whose columns are shown. */
  viewed: string | undefined;
  onView(sheet: string): void;
  overrides: MappingOverrides;
  onOverrides(next: MappingOverrides): void;
  locationCode: string | undefined;
  onLocation(code: string | undefined): void;
}

function headerRowText(t: ReturnType<typeof useI18n>['t'], s: LedgerSheetInspection): string {
  if (s.headerRow === null) return t('ledgers.noHeader');
  if (s.headerRows > 1) return t('ledgers.headerTwo', { from: s.headerRow - s.headerRows + 1, row: s.headerRow });
  return t('ledgers.headerAt', { row: s.headerRow });
}

export function MappingStep(props: MappingStepProps) {
  const { inspection, sheet, onSheet, viewed, onView, overrides, onOverrides, locationCode, onLocation } = props;
  const sheetsBox = useRef<HTMLDivElement>(null);
  const mappingBox = useRef<HTMLDivElement>(null);
  const takesLocation = kindTakesLocation(inspection.kind);
  const sheetsHeight = useFillHeight(sheetsBox, FOOTER_RESERVE + TABLE_HEAD + (takesLocation ? 62 : 0), 60);
  const mappingHeight = useFillHeight(mappingBox, FOOTER_RESERVE + TABLE_HEAD, 120);
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { locations } = useRefData();
  const sheets = inspection.sheets;
  const withHeader = sheets.filter((s) => s.headerRow !== null);
  const shown = sheets.find((s) => s.name === (sheet ?? viewed)) ?? withHeader[0] ?? sheets[0];
  const columns = useMemo(() => (shown ? applyOverrides(shown.columns, overrides) : []), [shown, overrides]);
  const missing = shown && shown.headerRow !== null ? missingFields(inspection.fields, columns) : [];
  const fieldName = (key: string) => {
    const f = inspection.fields.find((x) => x.key === key);
    return f ? (lang === 'en' ? `${f.header} (${f.key})` : f.header) : key;
  };

  const fieldOptions = useMemo(
    () => [
      { value: IGNORE, label: <span className="muted">{t('ledgers.ignore')}</span>, search: t('ledgers.ignore') },
      // Fields the core reads but does not offer for mapping (序号): named by the column's own header.
      ...columns
        .filter((c) => c.field && !inspection.fields.some((f) => f.key === c.field))
        .map((c) => ({ value: c.field!, label: <span>{c.header || c.field}</span>, search: `${c.header} ${c.field}`.toLowerCase() })),
      ...inspection.fields.map((f) => ({
        value: f.key,
        search: `${f.header} ${f.key}`.toLowerCase(),
        label: (
          <span>
            {lang === 'en' ? `${f.header} (${f.key})` : f.header}
            {f.required && <span className="ledgers-required"> *</span>}
          </span>
        ),
      })),
    ],
    [inspection.fields, columns, lang, t],
  );

  const locationOptions = useMemo(
    () => locations.map((l) => ({ value: l.code, label: `${l.code} ${l.name}`, search: `${l.code} ${l.name}`.toLowerCase() })),
    [locations],
  );

  const matchTag = (c: ShownColumn) => {
    if (c.manual) return c.field ? <Tag color="blue">{t('ledgers.conf.manual')}</Tag> : <Tag>{t('ledgers.conf.none')}</Tag>;
    if (!c.field) return <Tag className="ledgers-tag-none">{t('ledgers.conf.none')}</Tag>;
    const pct = `${Math.round(c.confidence * 100)}%`;
    const tag =
      c.confidence >= 1 ? (
        <Tag color="green">{t('ledgers.conf.exact')}</Tag>
      ) : c.confidence >= 0.8 ? (
        <Tag color="cyan">{t('ledgers.conf.synonym')}</Tag>
      ) : (
        <Tag color="orange">{t('ledgers.conf.guess')}</Tag>
      );
    return (
      <Tooltip title={pct}>
        <span data-confidence={c.confidence}>{tag}</span>
      </Tooltip>
    );
  };

  const mapColumns: ColumnsType<ShownColumn> = [
    { title: t('ledgers.col.column'), dataIndex: 'column', width: 44, align: 'center', render: (c: string) => <b className="ledgers-col-letter">{c}</b> },
    { title: t('ledgers.col.header'), dataIndex: 'header', width: 150, ellipsis: true },
    {
      title: t('ledgers.col.sample'),
      key: 'sample',
      ellipsis: true,
      render: (_: unknown, c) => <span className="ledgers-sample">{shown ? sampleOf(shown, c.column) : ''}</span>,
    },
    {
      title: t('ledgers.col.field'),
      key: 'field',
      width: 190,
      render: (_: unknown, c) => (
        <Select
          size="small"
          style={{ width: '100%' }}
          value={c.field ?? IGNORE}
          options={fieldOptions}
          showSearch={{ filterOption: (input, o) => (o?.search ?? '').includes(input.toLowerCase()) }}
          popupMatchSelectWidth={220}
          className={c.field ? undefined : 'ledgers-ignored'}
          onChange={(v: string) => onOverrides(withOverride(overrides, shown?.columns ?? [], c.column, v === IGNORE ? null : v))}
          data-testid={`map-${c.column}`}
        />
      ),
    },
    { title: t('ledgers.col.confidence'), key: 'conf', width: 118, render: (_: unknown, c) => matchTag(c) },
  ];

  // New records when the viewed or chosen sheet changes: the table re-renders rows only when their record changes.
  const sheetRows = useMemo<SheetRow[]>(
    () => sheets.map((s) => ({ ...s, viewed: s.name === shown?.name, out: sheet !== undefined && s.name !== sheet })),
    [sheets, shown?.name, sheet],
  );

  const sheetColumns: ColumnsType<SheetRow> = [
    {
      title: t('ledgers.sheet'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, s) => (
        <span>
          {name}
          {s.location && (
            <Tooltip title={t('ledgers.sheetLocation')}>
              <Tag className="ledgers-sheet-location">{s.location.code}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: t('ledgers.headerRow'), key: 'header', width: 96, render: (_: unknown, s) => <span className={s.headerRow === null ? 'muted' : ''}>{headerRowText(t, s)}</span> },
    { title: t('ledgers.dataRows'), dataIndex: 'dataRows', width: 64, align: 'right', render: (n: number) => <span className="num">{formatInt(n)}</span> },
  ];

  const sheetPicker = (
    <Select
      style={{ width: '100%' }}
      value={sheet ?? ''}
      onChange={(v: string) => onSheet(v || undefined)}
      options={[{ value: '', label: t('ledgers.allSheets', { n: sheets.length }) }, ...sheets.map((s) => ({ value: s.name, label: s.name }))]}
      data-testid="ledgers-sheet"
    />
  );

  return (
    <div className="ledgers-mapping">
      {inspection.alreadyImported && (
        <Alert
          type="warning"
          showIcon
          className="ledgers-alert"
          title={t('ledgers.alreadyImported', { at: shanghaiTime(inspection.alreadyImported.importedAt), file: inspection.alreadyImported.fileName })}
          data-testid="ledgers-already"
        />
      )}
      {withHeader.length === 0 && (
        <Alert type="error" showIcon className="ledgers-alert" title={t('ledgers.noHeaderFound', { kind: kindName(i18n, inspection.kind) })} data-testid="ledgers-no-header" />
      )}
      <div className="ledgers-mapping-grid">
        <div className="ledgers-side">
          <div className="ledgers-field-label">{t('ledgers.sheet')}</div>
          {sheetPicker}
          <div ref={sheetsBox}>
          <Table<SheetRow>
            className="ledgers-sheets"
            size="small"
            bordered
            rowKey="name"
            columns={sheetColumns}
            dataSource={sheetRows}
            pagination={false}
            scroll={{ y: sheetsHeight }}
            rowClassName={(s) => [s.viewed ? 'ledgers-row-viewed' : '', s.out ? 'ledgers-row-out' : ''].join(' ')}
            onRow={(s) => ({ onClick: () => onView(s.name) })}
            data-testid="ledgers-sheets"
          />
          </div>
          {takesLocation && (
            <>
              <div className="ledgers-field-label">{t('ledgers.location')}</div>
              <Select
                allowClear
                style={{ width: '100%' }}
                placeholder={t('ledgers.locationPlaceholder')}
                value={locationCode}
                onChange={(v?: string) => onLocation(v)}
                options={locationOptions}
                showSearch={{ filterOption: (input, o) => (o?.search ?? '').includes(input.toLowerCase()) }}
                popupMatchSelectWidth={320}
                data-testid="ledgers-location"
              />
            </>
          )}
        </div>
        <div className="ledgers-main">
          <div className="ledgers-main-head">
            <span className="section-title">{shown ? t('ledgers.mappingOf', { sheet: shown.name }) : t('ledgers.mapping')}</span>
            {shown && <span className="muted">{t('fmt.labelValue', { a: t('ledgers.headerRow'), b: headerRowText(t, shown) })}</span>}
            <span className="ledgers-grow" />
            {Object.keys(overrides).length > 0 && (
              <Button size="small" type="link" onClick={() => onOverrides({})} data-testid="ledgers-mapping-reset">
                {t('ledgers.resetMapping')}
              </Button>
            )}
            {sheets.length > 1 && <span className="muted ledgers-note">{t('ledgers.mappingNote')}</span>}
          </div>
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="ledgers-alert"
              title={t('ledgers.missing', { fields: missing.map((f) => fieldName(f.key)).join(t('fmt.listSep')) })}
              data-testid="ledgers-missing"
            />
          )}
          <div ref={mappingBox}>
          {shown && shown.headerRow !== null ? (
            <Table<ShownColumn>
              size="small"
              bordered
              rowKey="column"
              columns={mapColumns}
              dataSource={columns}
              pagination={false}
              scroll={{ y: mappingHeight }}
              data-testid="ledgers-mapping"
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledgers.noHeader')} />
          )}
          </div>
        </div>
      </div>
    </div>
  );
}
