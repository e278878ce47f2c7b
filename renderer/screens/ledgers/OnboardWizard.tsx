// 导入向导 (onboarding): a bureau's workbooks, several at once and in any order. The core recognises each file's
// kind from its headers and orders them (areas → locations → items → stock → …); here the user sees per file its
// kind, sheets, rows and errors, corrects a kind or a column mapping, checks what would be created, and commits
// everything once (one transaction in the core: every file or none).
import { CheckCircleOutlined, DeleteOutlined, InboxOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Modal, Result, Select, Space, Spin, Table, Tag, Upload } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import type { LedgerInspection, LedgerKind, LedgerOnboardFile, LedgerOnboardReport } from '../../../src/api/contract.ledgers';
import { call } from '../../api';
import { formatInt } from '../../components/format';
import { JobProgressBar, newJobId, useJobProgress } from '../../components/JobProgress';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useI18n } from '../../i18n';
import { CreatedList, impliedSummary } from './CreatedList';
import { ErrorTable } from './ErrorTable';
import { type ChosenFile, fileSize, fileToChosen, hasNativeDialogs, IMPORT_EXTENSIONS, openNative, problemText } from './files';
import { kindName, ledgerKinds } from './kinds';
import type { MappingOverrides } from './mapping';
import { FOOTER_RESERVE } from './layout';
import { MappingStep } from './MappingStep';

/** A chosen file and the user's corrections of how it is read. */
interface OnboardEntry extends ChosenFile {
  kind?: LedgerKind;
  sheet?: string;
  mapping?: MappingOverrides;
}

type Busy = 'reading' | 'planning' | 'committing' | null;

function Busy({ text, jobId }: { text: string; jobId: string | undefined }) {
  const progress = useJobProgress(jobId);
  return (
    <div className="ledgers-busy" data-testid="onboard-busy">
      <Spin size="large" />
      <div className="ledgers-busy-text">{text}</div>
      <JobProgressBar progress={progress} width={360} />
    </div>
  );
}

/** The row's state in one word, coloured. */
function FileStatus({ f }: { f: LedgerOnboardFile }) {
  const { t } = useI18n();
  if (f.refusal) return <Tag color="red">{t('onboard.status.refused')}</Tag>;
  if (!f.report || !f.report.ok) return <Tag color="red">{t('onboard.status.errors')}</Tag>;
  return <Tag color="green">{t('onboard.status.ready')}</Tag>;
}

/** The column mapping of one file, corrected in the single-file wizard's own mapping step. */
function MappingDialog({ entry, kind, onClose }: { entry: OnboardEntry; kind: LedgerKind; onClose(next?: { sheet?: string; mapping: MappingOverrides }): void }) {
  const i18n = useI18n();
  const { t, gloss } = i18n;
  const [inspection, setInspection] = useState<LedgerInspection>();
  const [problem, setProblem] = useState<string>();
  const [sheet, setSheet] = useState(entry.sheet);
  const [viewed, setViewed] = useState<string>();
  const [overrides, setOverrides] = useState<MappingOverrides>(entry.mapping ?? {});
  useEffect(() => {
    let live = true;
    call('ledgers.inspect', { kind, fileName: entry.name, data: entry.data }).then(
      (found) => {
        if (!live) return;
        setInspection(found);
        setViewed((found.sheets.find((s) => s.headerRow !== null) ?? found.sheets[0])?.name);
      },
      (e: unknown) => live && setProblem(problemText(e, gloss)),
    );
    return () => {
      live = false;
    };
  }, [entry, kind, gloss]);
  return (
    <Modal
      open
      width={1100}
      title={t('onboard.mappingTitle', { file: entry.name, kind: kindName(i18n, kind) })}
      okText={t('onboard.mappingApply')}
      onOk={() => onClose({ sheet, mapping: overrides })}
      onCancel={() => onClose()}
      okButtonProps={{ disabled: !inspection, 'data-testid': 'onboard-mapping-ok' } as ButtonProps}
      destroyOnHidden
    >
      <div className="onboard-mapping" data-testid="onboard-mapping">
        {problem && <Alert type="error" showIcon title={problem} />}
        {!inspection && !problem && <Spin />}
        {inspection && (
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
            locationCode={undefined}
            onLocation={() => undefined}
          />
        )}
      </div>
    </Modal>
  );
}

export function OnboardWizard() {
  const i18n = useI18n();
  const { t, gloss } = i18n;
  const { message, modal } = App.useApp();
  const { changed } = useRefData();
  const [entries, setEntries] = useState<OnboardEntry[]>([]);
  const [plan, setPlan] = useState<LedgerOnboardReport>();
  const [busy, setBusy] = useState<Busy>(null);
  const [jobId, setJobId] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState<LedgerOnboardReport>();
  const [mappingOf, setMappingOf] = useState<{ entry: OnboardEntry; kind: LedgerKind }>();
  const seq = useRef(0);
  const bodyRef = useRef<HTMLDivElement>(null);
  const native = hasNativeDialogs();
  const withFooter = !done && entries.length > 0;
  // The wizard fills the window down to its footer; the file list and what would be created scroll inside.
  const bodyHeight = useFillHeight(bodyRef, withFooter ? FOOTER_RESERVE : 14, 240);

  const input = (list: OnboardEntry[], commit: boolean, job: string) => ({
    files: list.map((e) => ({ fileName: e.name, data: e.data, kind: e.kind, sheet: e.sheet, mapping: e.mapping && Object.keys(e.mapping).length ? e.mapping : undefined })),
    commit,
    jobId: job,
  });

  const replan = async (list: OnboardEntry[]) => {
    setEntries(list);
    setConfirmed(false);
    if (!list.length) {
      setPlan(undefined);
      return;
    }
    const mine = ++seq.current;
    const job = newJobId();
    setJobId(job);
    setBusy('planning');
    setProblem(undefined);
    try {
      const r = await call('ledgers.onboard', input(list, false, job));
      if (mine === seq.current) setPlan(r);
    } catch (e) {
      if (mine === seq.current) setProblem(problemText(e, gloss));
    } finally {
      if (mine === seq.current) setBusy(null);
    }
  };

  const addChosen = (chosen: ChosenFile[]) => {
    // The same name again replaces the earlier copy (the user re-saved it).
    const names = new Set(chosen.map((c) => c.name));
    void replan([...entries.filter((e) => !names.has(e.name)), ...chosen]);
  };

  const addFiles = async (files: File[]) => {
    setBusy('reading');
    try {
      addChosen(await Promise.all(files.map(fileToChosen)));
    } catch (e) {
      setProblem(problemText(e, gloss));
      setBusy(null);
    }
  };

  const addNative = async () => {
    try {
      const chosen = await openNative(t('ledgers.openTitle'));
      if (chosen) addChosen([chosen]);
    } catch (e) {
      setProblem(problemText(e, gloss));
    }
  };

  const entryOf = (f: LedgerOnboardFile) => entries.find((e) => e.name === f.fileName);
  const update = (name: string, patch: Partial<OnboardEntry>) => void replan(entries.map((e) => (e.name === name ? { ...e, ...patch } : e)));

  const implied = plan?.createdMaster.filter((c) => c.implied) ?? [];
  const rows = plan?.files.reduce((n, f) => n + (f.report?.rows.imported ?? 0), 0) ?? 0;
  const canCommit = Boolean(plan?.ok) && busy === null && (implied.length === 0 || confirmed);

  const commit = () => {
    if (!plan) return;
    modal.confirm({
      title: t('onboard.confirmTitle'),
      content: (
        <div data-testid="onboard-confirm">
          <div>{t('onboard.confirmFiles', { files: plan.files.length, rows: formatInt(rows) })}</div>
          {plan.createdMaster.length > 0 && <div>{t('onboard.confirmCreated', { n: formatInt(plan.createdMaster.length), list: impliedSummary(t, plan.createdMaster) || '—' })}</div>}
          <div className="muted">{t('onboard.confirmOnce')}</div>
        </div>
      ),
      okText: t('onboard.commit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'onboard-confirm-ok' } as ButtonProps,
      onOk: async () => {
        const mine = ++seq.current;
        const job = newJobId();
        setJobId(job);
        setBusy('committing');
        try {
          const r = await call('ledgers.onboard', input(entries, true, job));
          if (mine !== seq.current) return;
          if (r.committed) {
            setDone(r);
            changed();
          } else {
            setPlan(r);
            void message.error(t('ledgers.failed'));
          }
        } catch (e) {
          if (mine === seq.current) void message.error(problemText(e, gloss));
        } finally {
          if (mine === seq.current) setBusy(null);
        }
      },
    });
  };

  const restart = () => {
    seq.current++;
    setEntries([]);
    setPlan(undefined);
    setDone(undefined);
    setProblem(undefined);
    setConfirmed(false);
    setBusy(null);
  };

  const kindOptions = (f: LedgerOnboardFile) => {
    const first = f.candidates.map((c) => c.kind);
    return [...first, ...ledgerKinds.filter((k) => !first.includes(k))].map((k) => ({ value: k, label: kindName(i18n, k) }));
  };

  const columns: ColumnsType<LedgerOnboardFile> = [
    {
      title: t('onboard.file'),
      key: 'file',
      ellipsis: true,
      render: (_: unknown, f, i) => {
        const sheets = (f.report?.sheets ?? f.sheets).map((s) => s.name).join('、');
        return (
          <div className="onboard-file" title={`${f.fileName}\n${sheets}`}>
            <div className="onboard-file-name">
              <span className="num muted">{i + 1}.</span> {f.fileName}
            </div>
            {sheets && <div className="onboard-file-sheets muted">{t('onboard.sheetsOf', { sheets })}</div>}
          </div>
        );
      },
    },
    {
      title: t('onboard.kind'),
      key: 'kind',
      width: 168,
      render: (_: unknown, f) => (
        <Select
          size="small"
          style={{ width: 150 }}
          value={f.kind ?? undefined}
          placeholder={t('onboard.kindUnknown')}
          options={kindOptions(f)}
          onChange={(k: LedgerKind) => update(f.fileName, { kind: k, mapping: undefined, sheet: undefined })}
          suffixIcon={f.chosen ? <span className="onboard-chosen">{t('onboard.chosen')}</span> : undefined}
          data-testid={`onboard-kind-${f.fileName}`}
        />
      ),
    },
    { title: t('onboard.rows'), key: 'rows', width: 84, align: 'right', render: (_: unknown, f) => <span className="num">{formatInt(f.report?.rows.imported ?? 0)}</span> },
    {
      title: t('onboard.errors'),
      key: 'errors',
      width: 64,
      align: 'right',
      render: (_: unknown, f) => {
        const n = f.refusal ? 1 : (f.report?.errors.length ?? 0);
        return <span className={`num${n ? ' tone-bad' : ''}`}>{formatInt(n)}</span>;
      },
    },
    { title: t('onboard.status'), key: 'status', width: 88, render: (_: unknown, f) => <FileStatus f={f} /> },
    {
      title: t('onboard.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, f) => {
        const entry = entryOf(f);
        return (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={<SettingOutlined />}
              disabled={!f.kind || !entry || busy !== null}
              onClick={() => entry && f.kind && setMappingOf({ entry, kind: f.kind })}
              data-testid={`onboard-map-${f.fileName}`}
            >
              {t('onboard.mapping')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              title={t('onboard.remove')}
              aria-label={t('onboard.remove')}
              disabled={busy !== null}
              onClick={() => void replan(entries.filter((e) => e.name !== f.fileName))}
              data-testid={`onboard-remove-${f.fileName}`}
            />
          </Space>
        );
      },
    },
  ];

  const busyText = busy === 'reading' ? t('onboard.reading') : busy === 'planning' ? t('onboard.planning') : busy === 'committing' ? t('onboard.committing') : '';

  let body;
  if (done) {
    const made = impliedSummary(t, done.createdMaster);
    body = (
      <Result
        status="success"
        title={t('onboard.done')}
        subTitle={
          <>
            <div>{t('onboard.doneSub', { files: done.files.length, rows: formatInt(done.files.reduce((n, f) => n + (f.report?.rows.imported ?? 0), 0)) })}</div>
            {done.createdMaster.length > 0 && <div>{t('onboard.doneCreated', { n: formatInt(done.createdMaster.length), list: made || '—' })}</div>}
          </>
        }
        extra={
          <Button type="primary" onClick={restart} data-testid="onboard-again">
            {t('onboard.again')}
          </Button>
        }
        data-testid="onboard-done"
      />
    );
  } else {
    body = (
      <div className="onboard-body">
        <div onClick={native ? () => void addNative() : undefined} data-testid="onboard-upload">
          <Upload.Dragger
            accept={IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')}
            multiple
            showUploadList={false}
            openFileDialogOnClick={!native}
            beforeUpload={(file, list) => {
              // antd hands every file of one drop to this in turn; take them together at the last one.
              if (file === list[list.length - 1]) void addFiles(list);
              return false;
            }}
            className={entries.length ? 'onboard-drop-small' : undefined}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t(entries.length ? 'onboard.dropMore' : 'onboard.drop')}</p>
            {!entries.length && <p className="ant-upload-hint">{t('onboard.dropHint')}</p>}
          </Upload.Dragger>
        </div>
        {problem && <Alert type="error" showIcon title={problem} className="ledgers-alert" data-testid="onboard-problem" />}
        {plan && (
          <>
            <Alert
              type={plan.ok ? 'success' : 'error'}
              showIcon
              className="ledgers-alert"
              title={plan.ok ? t('onboard.planOk', { files: plan.files.length, rows: formatInt(rows) }) : t('onboard.planErrors', { n: formatInt(plan.errors) })}
              data-testid="onboard-plan-result"
            />
            <Table<LedgerOnboardFile>
              className="onboard-files"
              size="small"
              bordered
              rowKey="fileName"
              columns={columns}
              dataSource={plan.files}
              pagination={false}
              expandable={{
                rowExpandable: (f) => Boolean(f.refusal) || (f.report?.errors.length ?? 0) > 0,
                defaultExpandAllRows: false,
                expandedRowRender: (f) =>
                  f.refusal ? <Alert type="error" showIcon title={f.refusal.message} /> : <ErrorTable errors={f.report?.errors ?? []} />,
              }}
              data-testid="onboard-files"
            />
            {plan.createdMaster.length > 0 && (
              <Card size="small" className="onboard-created" title={t('onboard.createdTitle', { n: formatInt(plan.createdMaster.length) })}>
                <CreatedList list={plan.createdMaster} showFile height={220} />
              </Card>
            )}
          </>
        )}
      </div>
    );
  }

  return (
    <Card
      size="small"
      className="ledgers-wizard onboard-wizard"
      title={t('onboard.title')}
      extra={entries.length && !done ? <span className="muted">{t('onboard.fileCount', { n: entries.length, size: fileSize(entries.reduce((n, e) => n + e.size, 0)) })}</span> : null}
      data-testid="onboard-wizard"
    >
      <div ref={bodyRef} className="onboard-scroll" style={{ height: bodyHeight }} aria-busy={busy !== null}>
        {body}
        {busy !== null && <Busy key={busy} text={busyText} jobId={busy === 'reading' ? undefined : jobId} />}
      </div>
      {withFooter && (
        <div className="ledgers-footer">
          <Button onClick={restart} disabled={busy !== null} data-testid="onboard-restart">
            {t('onboard.restart')}
          </Button>
          <span className="ledgers-grow" />
          {plan?.ok && implied.length > 0 && (
            <Checkbox
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              title={impliedSummary(t, implied)}
              className="onboard-confirm-create"
              data-testid="onboard-confirm-create"
            >
              {t('onboard.confirmCreate', { n: formatInt(implied.length) })}
            </Checkbox>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void replan(entries)} disabled={busy !== null} data-testid="onboard-recheck">
            {t('ledgers.recheck')}
          </Button>
          <Button type="primary" icon={<CheckCircleOutlined />} disabled={!canCommit} onClick={commit} data-testid="onboard-commit">
            {t('onboard.commit')}
          </Button>
        </div>
      )}
      {mappingOf && (
        <MappingDialog
          entry={mappingOf.entry}
          kind={mappingOf.kind}
          onClose={(next) => {
            setMappingOf(undefined);
            if (next) update(mappingOf.entry.name, { kind: mappingOf.kind, sheet: next.sheet, mapping: next.mapping });
          }}
        />
      )}
    </Card>
  );
}
