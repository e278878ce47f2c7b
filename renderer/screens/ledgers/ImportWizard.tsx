// The import wizard: choose a file → sheets and column mapping → a dry run with every error in place → the
// commit (one transaction in the core: all rows or none). The work runs in the core (the .xlsx is read on a worker
// there); here the page only waits, with a bar of the rows done and the time so far, and stays usable.
import { CheckCircleOutlined, DownloadOutlined, FolderOpenOutlined, LeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Space, Spin, Steps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { LedgerImportReport, LedgerInspection, LedgerKind } from '../../../src/api/contract.ledgers';
import { ApiError, call } from '../../api';
import { formatInt } from '../../components/format';
import { JobProgressBar, newJobId, useJobProgress } from '../../components/JobProgress';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { baseName, type ChosenFile, fileSize, fileToChosen, openNative, problemText, saveWorkbook } from './files';
import { CreatedList } from './CreatedList';
import { FileStep } from './FileStep';
import { FOOTER_RESERVE } from './layout';
import { createdText, kindName, kindScreen, kindTakesLocation, shanghaiTime } from './kinds';
import { keepOverrides, type MappingOverrides } from './mapping';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';

type Busy = 'reading' | 'checking' | 'importing' | null;
type Step = 0 | 1 | 2 | 3;

/** Files past this take long enough to say so. */
const BIG_FILE = 5 * 1024 * 1024;

export interface ImportWizardProps {
  kind: LedgerKind;
  onTemplate(): void;
  templateBusy: boolean;
}

/** The waiting state over the step: its own timer and polling, so that only it renders while the core works. */
function BusyOverlay({ text, big, jobId }: { text: string; big: boolean; jobId: string | undefined }) {
  const { t } = useI18n();
  const progress = useJobProgress(jobId);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - start) / 1000)), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="ledgers-busy" data-testid="ledgers-busy">
      <Spin size="large" />
      <div className="ledgers-busy-text">{text}</div>
      <JobProgressBar progress={progress} width={360} />
      <div className="muted">
        {t('ledgers.elapsed', { s: seconds })}
        {big ? ` · ${t('ledgers.bigFileHint')}` : ''}
      </div>
    </div>
  );
}

export function ImportWizard({ kind, onTemplate, templateBusy }: ImportWizardProps) {
  const i18n = useI18n();
  const { t, gloss } = i18n;
  const { message } = App.useApp();
  const { changed } = useRefData();
  const [step, setStep] = useState<Step>(0);
  const [busy, setBusy] = useState<Busy>(null);
  const [busyFile, setBusyFile] = useState<{ name: string; size: number; jobId: string }>();
  const [file, setFile] = useState<ChosenFile>();
  const [inspection, setInspection] = useState<LedgerInspection>();
  const [problem, setProblem] = useState<string>();
  const [sheet, setSheet] = useState<string>();
  const [viewed, setViewed] = useState<string>();
  const [overrides, setOverrides] = useState<MappingOverrides>({});
  const [locationCode, setLocationCode] = useState<string>();
  const [report, setReport] = useState<LedgerImportReport>();
  const [refusal, setRefusal] = useState<{ text: string; canForce: boolean }>();
  const [result, setResult] = useState<LedgerImportReport>();
  // The dry run shows what the file would create (streets, villages, locations, items it only names); the commit
  // creates them only once the user ticked the confirmation.
  const [createConfirmed, setCreateConfirmed] = useState(false);
  // Answers of an earlier request (the user chose another file meanwhile) are dropped.
  const seq = useRef(0);
  const bodyRef = useRef<HTMLDivElement>(null);

  const name = kindName(i18n, kind);

  const importInput = (f: ChosenFile, jobId: string, dryRun: boolean, force = false) => ({
    kind,
    jobId,
    fileName: f.name,
    data: f.data,
    dryRun,
    force,
    sheet,
    locationCode: kindTakesLocation(kind) ? locationCode : undefined,
    mapping: Object.keys(overrides).length ? overrides : undefined,
    errorWorkbook: dryRun,
    createMissing: dryRun || createConfirmed,
  });

  const inspect = async (chosen: ChosenFile) => {
    const mine = ++seq.current;
    const jobId = newJobId();
    setBusy('reading');
    setBusyFile({ name: chosen.name, size: chosen.size, jobId });
    setProblem(undefined);
    try {
      const found = await call('ledgers.inspect', { kind, fileName: chosen.name, data: chosen.data, jobId });
      if (mine !== seq.current) return;
      setOverrides((o) => (inspection ? keepOverrides(o, inspection.sheets, found.sheets) : {}));
      setSheet((s) => (s && found.sheets.some((x) => x.name === s) ? s : undefined));
      setViewed((found.sheets.find((s) => s.headerRow !== null) ?? found.sheets[0])?.name);
      setFile(chosen);
      setInspection(found);
      setReport(undefined);
      setRefusal(undefined);
      setResult(undefined);
      setStep(1);
    } catch (e) {
      if (mine !== seq.current) return;
      setProblem(problemText(e, gloss));
      setStep(0);
    } finally {
      if (mine === seq.current) setBusy(null);
    }
  };

  const chooseFile = async (f: File) => {
    setBusy('reading');
    setBusyFile({ name: f.name, size: f.size, jobId: '' });
    try {
      await inspect(await fileToChosen(f));
    } catch (e) {
      setProblem(problemText(e, gloss));
      setBusy(null);
    }
  };

  const chooseNative = async () => {
    try {
      const chosen = await openNative(t('ledgers.openTitle'));
      if (chosen) await inspect(chosen);
    } catch (e) {
      setProblem(problemText(e, gloss));
    }
  };

  const check = async () => {
    if (!file) return;
    const mine = ++seq.current;
    const jobId = newJobId();
    setBusy('checking');
    setBusyFile({ name: file.name, size: file.size, jobId });
    setRefusal(undefined);
    try {
      const r = await call('ledgers.import', importInput(file, jobId, true));
      if (mine !== seq.current) return;
      setReport(r);
      setCreateConfirmed(false);
      setStep(2);
    } catch (e) {
      if (mine !== seq.current) return;
      void message.error(problemText(e, gloss));
    } finally {
      if (mine === seq.current) setBusy(null);
    }
  };

  const commit = async (force: boolean) => {
    if (!file) return;
    const mine = ++seq.current;
    const jobId = newJobId();
    setBusy('importing');
    setBusyFile({ name: file.name, size: file.size, jobId });
    setRefusal(undefined);
    try {
      const r = await call('ledgers.import', importInput(file, jobId, false, force));
      if (mine !== seq.current) return;
      if (r.committed) {
        setResult(r);
        setStep(3);
        changed();
      } else {
        // Something changed since the check (another user, another window): the new errors, nothing written.
        setReport(r);
        void message.error(t('ledgers.failed'));
      }
    } catch (e) {
      if (mine !== seq.current) return;
      const again = e instanceof ApiError && e.body.code === 'ledgers.alreadyImported';
      // The core's refusal speaks of the CLI's --force; here the choice is the 仍然导入 button.
      const before = report?.alreadyImported ?? inspection?.alreadyImported;
      const text = again && before ? t('ledgers.alreadyImported', { at: shanghaiTime(before.importedAt), file: before.fileName }) : problemText(e, gloss);
      setRefusal({ text, canForce: again });
    } finally {
      if (mine === seq.current) setBusy(null);
    }
  };

  const downloadErrors = async () => {
    if (!report?.errorWorkbook || !file) return;
    try {
      const saved = await saveWorkbook(t('ledgers.errorFileName', { name: baseName(file.name) }), report.errorWorkbook, t('ledgers.errorsTitle'));
      if (saved) void message.success(saved.native ? t('ledgers.saved', { file: saved.saved }) : t('ledgers.downloaded', { file: saved.saved }));
    } catch (e) {
      void message.error(t('ledgers.saveFailed', { detail: problemText(e, gloss) }));
    }
  };

  const restart = () => {
    seq.current++;
    setBusy(null);
    setStep(0);
    setProblem(undefined);
    setReport(undefined);
    setRefusal(undefined);
    setResult(undefined);
  };

  // ---------- layout ----------

  const busyText =
    busy && busyFile
      ? t(busy === 'reading' ? 'ledgers.reading' : busy === 'checking' ? 'ledgers.checking' : 'ledgers.importing', { file: busyFile.name, size: fileSize(busyFile.size) })
      : '';
  const done = step === 3;
  const errorStatus = step === 2 && report && !report.ok;

  let body;
  let footer = null;
  const withFooter = step === 1 || step === 2;
  // The step's content fills the window down to the footer; its tables scroll inside.
  const bodyHeight = useFillHeight(bodyRef, withFooter ? FOOTER_RESERVE : 14, 240);
  if (step === 0 || !file || !inspection) {
    body = <FileStep onFile={(f) => void chooseFile(f)} onNative={() => void chooseNative()} onTemplate={onTemplate} templateBusy={templateBusy} problem={problem} />;
  } else if (step === 1) {
    body = (
      <MappingStep
        inspection={inspection}
        sheet={sheet}
        onSheet={(s) => {
          setSheet(s);
          if (s) setViewed(s);
        }}
        viewed={viewed}
        onView={setViewed}
        overrides={overrides}
        onOverrides={setOverrides}
        locationCode={locationCode}
        onLocation={setLocationCode}
      />
    );
    footer = (
      <>
        <Button icon={<FolderOpenOutlined />} onClick={restart} data-testid="ledgers-restart">
          {t('ledgers.restart')}
        </Button>
        <span className="ledgers-grow" />
        <span className="muted">{t('ledgers.checkHint')}</span>
        <Button type="primary" onClick={() => void check()} disabled={busy !== null} data-testid="ledgers-check">
          {t('ledgers.check')}
        </Button>
      </>
    );
  } else if (step === 2 && report) {
    body = (
      <PreviewStep
        report={report}
        refusal={refusal}
        onForce={() => void commit(true)}
        createConfirmed={createConfirmed}
        onCreateConfirmed={setCreateConfirmed}
      />
    );
    footer = (
      <>
        <Button icon={<LeftOutlined />} onClick={() => setStep(1)} data-testid="ledgers-back">
          {t('ledgers.prev')}
        </Button>
        <Button icon={<FolderOpenOutlined />} onClick={restart} data-testid="ledgers-restart">
          {t('ledgers.restart')}
        </Button>
        {report.errorWorkbook && (
          <Button icon={<DownloadOutlined />} onClick={() => void downloadErrors()} data-testid="ledgers-error-workbook">
            {t('ledgers.downloadErrors')}
          </Button>
        )}
        <span className="ledgers-grow" />
        <Button onClick={() => void check()} disabled={busy !== null} data-testid="ledgers-recheck">
          {t('ledgers.recheck')}
        </Button>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          disabled={
            !report.ok || report.rows.imported === 0 || busy !== null || refusal?.canForce === true || (report.createdMaster.some((c) => c.implied) && !createConfirmed)
          }
          title={report.createdMaster.some((c) => c.implied) && !createConfirmed ? t('ledgers.createNeeded') : undefined}
          onClick={() => void commit(false)}
          data-testid="ledgers-commit"
        >
          {t('ledgers.commit')}
        </Button>
      </>
    );
  } else if (done && result) {
    const made = createdText(i18n, result.created);
    const screen = kindScreen(kind);
    body = (
      <Result
        status="success"
        title={t('ledgers.done')}
        subTitle={
          <>
            <div>{t('ledgers.doneSub', { file: result.fileName, imported: formatInt(result.rows.imported), skipped: formatInt(result.rows.skipped) })}</div>
            {made && <div>{t('ledgers.created', { list: made })}</div>}
            {result.createdMaster.length > 0 && <CreatedList list={result.createdMaster} height={160} />}
          </>
        }
        extra={
          <Space>
            <Button type="primary" onClick={restart} data-testid="ledgers-again">
              {t('ledgers.again')}
            </Button>
            {screen && (
              <Button onClick={() => navigate(screen)} data-testid="ledgers-view">
                {t('ledgers.view', { kind: name })}
              </Button>
            )}
          </Space>
        }
        data-testid="ledgers-done"
      />
    );
  }

  const maxStep: Step = result ? 3 : report ? 2 : inspection ? 1 : 0;
  return (
    <Card
      size="small"
      className="ledgers-wizard"
      title={t('ledgers.importTitle', { kind: name })}
      extra={
        file && step > 0 ? (
          <span className="ledgers-file-info" data-testid="ledgers-file-info">
            <span className="ledgers-file-name">{file.name}</span>
            <span className="muted">
              {' · '}
              {inspection?.format.toUpperCase()}
              {inspection?.encoding ? ` · ${inspection.encoding}` : ''}
              {' · '}
              {fileSize(file.size)}
            </span>
          </span>
        ) : null
      }
      data-testid="ledgers-wizard"
    >
      <Steps
        size="small"
        className="ledgers-steps"
        current={step}
        status={errorStatus ? 'error' : done ? 'finish' : 'process'}
        onChange={(n) => {
          if (busy || done || n > maxStep || n >= step) return;
          if (n === 0) restart();
          else setStep(n as Step);
        }}
        items={[
          { title: t('ledgers.step.file') },
          { title: t('ledgers.step.mapping'), disabled: maxStep < 1 || done },
          { title: t('ledgers.step.preview'), disabled: maxStep < 2 || done },
          { title: t('ledgers.step.commit'), disabled: true },
        ]}
        data-testid="ledgers-steps"
      />
      <div ref={bodyRef} className="ledgers-step-body" style={{ height: bodyHeight }} aria-busy={busy !== null}>
        {body}
        {busy !== null && <BusyOverlay key={busy} text={busyText} big={(busyFile?.size ?? 0) > BIG_FILE} jobId={busyFile?.jobId || undefined} />}
      </div>
      {footer && <div className="ledgers-footer">{footer}</div>}
    </Card>
  );
}
