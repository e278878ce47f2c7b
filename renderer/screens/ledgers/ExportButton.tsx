// 导出 Excel: a small button for a list screen's toolbar. The core writes the workbook in the bureau's shape
// (ledgers.export); the button saves it (native dialog under Electron, a download in the browser). A long export
// shows a bar with the rows written under the button.
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Popover } from 'antd';
import { useState } from 'react';
import type { LedgerKind } from '../../../src/api/contract.ledgers';
import { call } from '../../api';
import { JobProgressBar, newJobId, useJobProgress } from '../../components/JobProgress';
import { useI18n } from '../../i18n';
import { problemText, saveWorkbook } from './files';

export interface ExportButtonProps {
  kind: LedgerKind;
  /** The list's location filter, for kinds that take one (stock, movements). */
  locationCode?: string | undefined;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
  /** Button text instead of 导出 Excel. */
  label?: string;
  block?: boolean;
  testId?: string;
}

/** Runs the export and saves the file; answers a message for the toast, or null when the user cancelled. */
export async function exportAndSave(
  kind: LedgerKind,
  locationCode: string | undefined,
  title: string,
  jobId?: string,
): Promise<{ fileName: string; saved: string; native: boolean } | null> {
  const file = await call('ledgers.export', { kind, ...(locationCode ? { locationCode } : {}), ...(jobId ? { jobId } : {}) });
  const saved = await saveWorkbook(file.fileName, file.data, title);
  return saved ? { fileName: file.fileName, ...saved } : null;
}

export function ExportButton({ kind, locationCode, size = 'middle', type = 'default', label, block, testId }: ExportButtonProps) {
  const { t, gloss } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const progress = useJobProgress(jobId);

  const run = async () => {
    const job = newJobId();
    setBusy(true);
    setJobId(job);
    try {
      const r = await exportAndSave(kind, locationCode, t('ledgers.exportTitle'), job);
      if (r) void message.success(r.native ? t('ledgers.saved', { file: r.saved }) : t('ledgers.downloaded', { file: r.saved }));
    } catch (e) {
      void message.error(t('ledgers.saveFailed', { detail: problemText(e, gloss) }));
    } finally {
      setBusy(false);
      setJobId(undefined);
    }
  };

  return (
    <Popover open={busy && progress !== null} content={<JobProgressBar progress={progress} width={220} />} placement="bottomRight">
      <Button size={size} type={type} block={block} icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid={testId ?? `export-${kind}`}>
        {label ?? t('ledgers.export')}
      </Button>
    </Popover>
  );
}
