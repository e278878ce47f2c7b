// Step 3: the dry run's answer. What would be imported, what is skipped, and every error where it sits in the
// user's file; nothing has been written yet.
import { Alert, Button, Checkbox, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { LedgerImportReport } from '../../../src/api/contract.ledgers';
import { formatInt } from '../../components/format';
import { useI18n } from '../../i18n';
import { CreatedList, impliedSummary } from './CreatedList';
import { ErrorTable } from './ErrorTable';
import { createdText, shanghaiTime } from './kinds';

export interface PreviewStepProps {
  report: LedgerImportReport;
  /** A refusal of the commit (e.g. the same file imported before), with its message. */
  refusal: { text: string; canForce: boolean } | undefined;
  onForce(): void;
  /** The user confirmed creating the master data the file only names. */
  createConfirmed: boolean;
  onCreateConfirmed(confirmed: boolean): void;
}

function Stat({ label, value, unit, tone, testId }: { label: string; value: number; unit: string; tone?: 'ok' | 'bad' | 'muted'; testId: string }) {
  return (
    <div className={`ledgers-stat${tone ? ` tone-${tone}` : ''}`} data-testid={testId}>
      <div className="ledgers-stat-label">{label}</div>
      <div className="ledgers-stat-value">
        <span className="num">{formatInt(value)}</span>
        {unit && <span className="unit">{unit}</span>}
      </div>
    </div>
  );
}

type SheetRow = LedgerImportReport['sheets'][number];

/** What each sheet gave: where its header was, rows read, to import, skipped. */
function SheetTable({ report }: { report: LedgerImportReport }) {
  const { t } = useI18n();
  const num = (n: number) => <span className="num">{formatInt(n)}</span>;
  const columns: ColumnsType<SheetRow> = [
    { title: t('ledgers.sheet'), dataIndex: 'name', ellipsis: true },
    {
      title: t('ledgers.headerRow'),
      dataIndex: 'headerRow',
      width: 110,
      render: (r: number | null) => (r === null ? <span className="muted">{t('ledgers.noHeader')}</span> : t('ledgers.headerAt', { row: r })),
    },
    { title: t('ledgers.rows.read'), key: 'read', width: 110, align: 'right', render: (_: unknown, s) => num(s.rows.read) },
    { title: report.dryRun ? t('ledgers.rows.wouldImport') : t('ledgers.rows.imported'), key: 'imported', width: 110, align: 'right', render: (_: unknown, s) => num(s.rows.imported) },
    { title: t('ledgers.rows.skipped'), key: 'skipped', width: 110, align: 'right', render: (_: unknown, s) => num(s.rows.skipped) },
  ];
  return (
    <Table<SheetRow>
      className="ledgers-sheet-result"
      size="small"
      bordered
      rowKey="name"
      columns={columns}
      dataSource={report.sheets}
      pagination={false}
      scroll={report.sheets.length > 8 ? { y: 300 } : undefined}
      data-testid="ledgers-sheet-result"
    />
  );
}

export function PreviewStep({ report, refusal, onForce, createConfirmed, onCreateConfirmed }: PreviewStepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  // Past the core's listing limit, a last entry carries the full count in its value.
  const tooMany = report.errors.find((e) => !e.sheet && !e.row && !e.column && /^\d+$/.test(e.value));
  const errorCount = tooMany ? Number(tooMany.value) : report.errors.length;
  const made = createdText(i18n, report.created);
  const sheetsRead = report.sheets.filter((s) => s.rows.read > 0);

  let summary: ReactNode;
  if (!report.ok) {
    summary = <Alert type="error" showIcon className="ledgers-alert" title={t('ledgers.previewErrors', { n: formatInt(errorCount) })} data-testid="ledgers-preview-result" />;
  } else if (report.rows.imported === 0) {
    summary = <Alert type="info" showIcon className="ledgers-alert" title={t('ledgers.previewNothing')} data-testid="ledgers-preview-result" />;
  } else {
    summary = (
      <Alert
        type="success"
        showIcon
        className="ledgers-alert"
        title={t('ledgers.previewOk', { n: formatInt(report.rows.imported) })}
        description={made ? t('ledgers.wouldCreate', { list: made }) : undefined}
        data-testid="ledgers-preview-result"
      />
    );
  }

  return (
    <div className="ledgers-preview">
      <div className="ledgers-stats">
        <Stat label={t('ledgers.rows.read')} value={report.rows.read} unit={t('ledgers.rowsUnit')} testId="ledgers-rows-read" />
        <Stat label={t('ledgers.rows.wouldImport')} value={report.rows.imported} unit={t('ledgers.rowsUnit')} tone={report.ok && report.rows.imported ? 'ok' : undefined} testId="ledgers-rows-imported" />
        <Stat label={t('ledgers.rows.skipped')} value={report.rows.skipped} unit={t('ledgers.rowsUnit')} tone="muted" testId="ledgers-rows-skipped" />
        <Stat label={t('ledgers.rows.errors')} value={errorCount} unit={t('ledgers.errorsUnit')} tone={report.errors.length ? 'bad' : undefined} testId="ledgers-rows-errors" />
        <div className="ledgers-stats-notes">
          {sheetsRead.length > 1 &&
            !report.ok &&
            sheetsRead.map((s) => (
              <div key={s.name} className="muted">
                {t('ledgers.perSheet', { sheet: s.name, read: formatInt(s.rows.read), imported: formatInt(s.rows.imported), skipped: formatInt(s.rows.skipped) })}
              </div>
            ))}
          {report.rows.skipped > 0 && <div className="muted">{t('ledgers.skippedHint')}</div>}
        </div>
      </div>
      {summary}
      {refusal ? (
        <Alert
          type="warning"
          showIcon
          className="ledgers-alert"
          title={refusal.text}
          description={refusal.canForce ? t('ledgers.forceHint') : undefined}
          action={
            refusal.canForce ? (
              <Button size="small" danger onClick={onForce} data-testid="ledgers-force">
                {t('ledgers.force')}
              </Button>
            ) : undefined
          }
          data-testid="ledgers-refusal"
        />
      ) : (
        report.alreadyImported && (
          <Alert
            type="warning"
            showIcon
            className="ledgers-alert"
            title={t('ledgers.alreadyImported', { at: shanghaiTime(report.alreadyImported.importedAt), file: report.alreadyImported.fileName })}
            data-testid="ledgers-already"
          />
        )
      )}
      {report.ok && report.createdMaster.length > 0 && (
        <div className="ledgers-create" data-testid="ledgers-create">
          <div className="ledgers-create-title">{t('ledgers.createTitle', { n: formatInt(report.createdMaster.length) })}</div>
          <CreatedList list={report.createdMaster} height={150} />
          {report.createdMaster.some((c) => c.implied) && (
            <Checkbox checked={createConfirmed} onChange={(e) => onCreateConfirmed(e.target.checked)} data-testid="ledgers-create-confirm">
              {t('ledgers.createConfirm', { list: impliedSummary(t, report.createdMaster) })}
            </Checkbox>
          )}
        </div>
      )}
      {report.errors.length > 0 ? <ErrorTable errors={report.errors} /> : <SheetTable report={report} />}
    </div>
  );
}
