// Onboarding: a bureau's workbooks, dropped in any order, go into the ledger in one step. Each file's kind is
// recognised from its headers (every kind's header matcher scored over each sheet), the files are ordered so that
// what a file names exists by then (areas → locations → items → stock → movements → equipment → shelters → norms →
// tests; within a kind by file name, so any order of the same files gives the same codes), and all of them run in
// ONE transaction: later files see what earlier ones created (the villages of the area list, the items of a stock
// ledger). Master data the files imply is created (that is what onboarding is for) and listed; the plan is shown
// first and nothing is written unless the user commits, and then only when every file goes in without an error.
import { createHash } from 'node:crypto';
import {
  type LedgerCreated,
  type LedgerImportReport,
  type LedgerKind,
  type LedgerKindScore,
  ledgerKinds,
  type LedgerOnboardFile,
  type LedgerOnboardReport,
} from '../api/contract.ledgers.js';
import { LedgerError } from '../common/errors.js';
import type { Db } from '../db/executor.js';
import { message, type MessageKey } from '../i18n/messages.js';
import {
  type ImportHooks,
  type ImportRequest,
  importInTransaction,
  missingOf,
  previousImport,
  type ScannedSheet,
  scanWorkbook,
  shanghaiTime,
  withErrorWorkbook,
} from './import.js';
import { kinds } from './kinds/index.js';
import { applyMapping, conflictsOf, detectHeader, HeaderMatcher } from './read/header.js';

export interface OnboardFile {
  fileName: string;
  data: Uint8Array;
  kind?: LedgerKind;
  sheet?: string;
  mapping?: Record<string, string | null>;
  locationCode?: string;
}

export interface OnboardRequest {
  files: OnboardFile[];
  /** Write it all; otherwise the plan only. */
  commit: boolean;
  district?: string;
  force?: boolean;
  errorWorkbook?: boolean;
}

/** The order kinds go in: what a file names must be there first. */
const ORDER: readonly LedgerKind[] = ['areas', 'locations', 'items', 'stock', 'movements', 'equipment', 'shelters', 'norms', 'tests'];

/** A kind must lead the next by this much (sum of header confidences) to be taken without asking. */
const CLEAR_LEAD = 0.5;

const matchers = new Map<LedgerKind, HeaderMatcher>();
const matcherOf = (kind: LedgerKind) => {
  let m = matchers.get(kind);
  if (!m) matchers.set(kind, (m = new HeaderMatcher(kinds[kind].fields)));
  return m;
};

/** How well each kind's headers fit the file, best first: the best sheet counts for each kind. */
export function scoreKinds(sheets: readonly ScannedSheet[]): LedgerKindScore[] {
  const scores: LedgerKindScore[] = [];
  for (const kind of ledgerKinds) {
    let best: LedgerKindScore | null = null;
    for (const sheet of sheets) {
      if (sheet.hidden) continue;
      const match = detectHeader(sheet.rows, matcherOf(kind));
      if (!match) continue;
      const claimed = new Set(match.columns.map((c) => c.field).filter((f): f is string => Boolean(f)));
      claimed.delete('seq');
      const fits = missingOf(kinds[kind], claimed).length === 0;
      // 序号 says nothing about the kind: only the fields that belong to it count.
      const score = match.columns.filter((c) => c.field && c.field !== 'seq').reduce((n, c) => n + c.confidence, 0);
      const s = { kind, score: Math.round(score * 100) / 100, fits };
      if (!best || Number(s.fits) > Number(best.fits) || (s.fits === best.fits && s.score > best.score)) best = s;
    }
    if (best) scores.push(best);
  }
  return scores.sort((a, b) => Number(b.fits) - Number(a.fits) || b.score - a.score || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/** The kind a file is, when its headers say so clearly: it fits, and no other kind that fits comes close. */
export function recognisedKind(scores: readonly LedgerKindScore[]): LedgerKind | null {
  const [first, second] = scores;
  if (!first?.fits) return null;
  if (second?.fits && first.score - second.score < CLEAR_LEAD) return null;
  return first.kind;
}

interface Planned {
  index: number;
  file: OnboardFile;
  entry: LedgerOnboardFile;
  sha: string;
}

function refusal(e: unknown): { code: string; message: string } {
  if (e instanceof LedgerError) return { code: e.code, message: `${e.zh} (${e.en})` };
  throw e;
}

const ROLLBACK = Symbol('rollback');

export async function onboardLedgers(db: Db, req: OnboardRequest, hooks: ImportHooks = {}): Promise<LedgerOnboardReport> {
  const planned: Planned[] = [];
  let unreadable = false;
  for (const [index, file] of req.files.entries()) {
    const entry: LedgerOnboardFile = { fileName: file.fileName, kind: file.kind ?? null, chosen: Boolean(file.kind), candidates: [], sheets: [], report: null, refusal: null };
    const sha = createHash('sha256').update(file.data).digest('hex');
    planned.push({ index, file, entry, sha });
    let sheets: ScannedSheet[];
    try {
      sheets = (await scanWorkbook(file.data, file.fileName, hooks)).sheets;
    } catch (e) {
      entry.refusal = refusal(e);
      unreadable ||= entry.refusal.code.startsWith('ledgers.file.');
      continue;
    }
    entry.candidates = scoreKinds(sheets).slice(0, 4);
    entry.kind ??= recognisedKind(entry.candidates);
    if (!entry.kind) {
      const t = message('ledgers.onboard.unknownKind', { file: file.fileName, candidates: candidateText(entry.candidates) });
      entry.refusal = { code: 'ledgers.onboard.unknownKind', message: `${t.zh} (${t.en})` };
      continue;
    }
    const matcher = matcherOf(entry.kind);
    for (const s of sheets) {
      const m = s.hidden ? null : detectHeader(s.rows, matcher);
      if (!m) continue;
      // The mapping as the import will read it: the user's corrections applied.
      const columns = file.mapping ? applyMapping(m.columns, file.mapping) : m.columns;
      const claimed = new Set(columns.map((c) => c.field).filter((f): f is string => Boolean(f)));
      const conflicts = conflictsOf(columns).map((c) => ({ ...c, header: kinds[entry.kind!].fields.find((f) => f.key === c.field)?.header ?? c.field }));
      entry.sheets.push({ name: s.name, headerRow: m.headerRow, columns, conflicts, missing: missingOf(kinds[entry.kind], claimed) });
    }
  }
  // Kind by kind; within a kind by name and content, so the same files in any order give the same result.
  const order = [...planned].sort(
    (a, b) =>
      (a.entry.kind ? ORDER.indexOf(a.entry.kind) : 99) - (b.entry.kind ? ORDER.indexOf(b.entry.kind) : 99) ||
      (a.file.fileName < b.file.fileName ? -1 : a.file.fileName > b.file.fileName ? 1 : 0) ||
      (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0),
  );

  const requests = new Map<Planned, ImportRequest>();
  let committed = false;
  try {
    await db.txAsync(async () => {
      for (const p of order) {
        if (p.entry.refusal || !p.entry.kind) continue;
        const request: ImportRequest = {
          kind: p.entry.kind,
          fileName: p.file.fileName,
          data: p.file.data,
          dryRun: !req.commit,
          sheet: p.file.sheet,
          mapping: p.file.mapping,
          locationCode: p.file.locationCode,
          force: req.force,
          createMissing: true,
          district: req.district,
          errorWorkbook: req.errorWorkbook ?? false,
        };
        requests.set(p, request);
        try {
          // The plan says what the commit would: a file imported before is refused in both (unless forced).
          const before = req.force ? null : previousImport(db, p.sha, p.entry.kind);
          if (before) throw new LedgerError('ledgers.alreadyImported', { at: shanghaiTime(before.importedAt), previous: before.fileName });
          p.entry.report = await importInTransaction(db, request, hooks);
        } catch (e) {
          p.entry.refusal = refusal(e);
        }
      }
      const ok = order.every((p) => !p.entry.refusal && p.entry.report?.ok);
      if (!req.commit || !ok) throw ROLLBACK;
      committed = true;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  for (const p of order) {
    const r = p.entry.report;
    if (!r) continue;
    r.committed = committed;
    const request = requests.get(p);
    if (request && !r.ok && req.errorWorkbook) await withErrorWorkbook(r, request);
  }
  const reports = order.map((p) => p.entry.report).filter((r): r is LedgerImportReport => r !== null);
  const createdMaster: LedgerCreated[] = reports.flatMap((r) => r.createdMaster.map((c) => ({ ...c, file: r.fileName })));
  return {
    ok: order.every((p) => !p.entry.refusal && p.entry.report?.ok),
    committed,
    files: order.map((p) => p.entry),
    createdMaster,
    errors: reports.reduce((n, r) => n + r.errors.length, 0),
    unreadable,
  };
}

function candidateText(scores: readonly LedgerKindScore[]): string {
  if (!scores.length) return '—';
  return scores
    .slice(0, 3)
    .map((s) => `${message(`ledgers.kind.${s.kind}` as MessageKey).zh}（${s.kind}）`)
    .join('、');
}
