// The count table: a fixed-row-height virtual grid (10,000 lines stay quick) with a 实盘数 input per line.
// Enter or ↓ saves the line and moves to the next line's input, ↑ to the previous one, Esc puts the saved figure
// back. Rows keep their place while counting: the grid never jumps back to the top when a count is saved.
import { Input, Tooltip } from 'antd';
import { memo, type ReactNode, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { StocktakeLine } from '../../../src/api/contract.stocktake';
import { formatDate, formatInt } from '../../components/format';
import { useI18n } from '../../i18n';
import { ReasonInput } from './ReasonInput';
import { Diff, Qty } from './shared';

export interface CountGridHandle {
  focusRow(index: number): void;
}

export interface CountGridProps {
  rows: StocktakeLine[];
  height: number;
  editable: boolean;
  blind: boolean;
  showLocation: boolean;
  drafts: Map<number, string>;
  errors: Map<number, string>;
  /** The figure a draft would give, where it reads as a number (for the difference shown while typing). */
  draftValue(line: StocktakeLine): number | undefined;
  onDraft(lineId: number, text: string | undefined): void;
  /** Saves the line's draft; false when it does not read as a count (the cursor then stays). */
  onCommit(line: StocktakeLine): boolean;
  onReason(line: StocktakeLine, reason: string): Promise<boolean>;
  gridRef?: Ref<CountGridHandle>;
}

const HEADER = 32;
const ROW = 32;
const OVERSCAN = 8;

interface Col {
  key: string;
  title: ReactNode;
  width: number;
  align?: 'right' | 'center';
}

export function CountGrid(props: CountGridProps) {
  const { rows, height, editable, blind, showLocation, gridRef } = props;
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewWidth, setViewWidth] = useState(0);
  const [want, setWant] = useState<{ index: number; n: number } | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewWidth(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const columns = useMemo<Col[]>(() => {
    const cols: (Col | false)[] = [
      { key: 'seq', title: t('stocktake.col.seq'), width: 46, align: 'center' },
      showLocation && { key: 'location', title: t('field.location'), width: 150 },
      { key: 'code', title: t('stocktake.col.itemCode'), width: 74 },
      { key: 'name', title: t('field.itemName'), width: 100 },
      { key: 'spec', title: t('field.spec'), width: 138 },
      { key: 'batch', title: t('field.batchNo'), width: 132 },
      { key: 'expiry', title: t('field.expiryDate'), width: 90 },
      !blind && { key: 'book', title: t('stocktake.col.book'), width: 92, align: 'right' },
      { key: 'counted', title: editable ? <span className="st-req">{t('stocktake.col.counted')}</span> : t('stocktake.col.counted'), width: 112, align: 'right' },
      !blind && { key: 'diff', title: t('stocktake.col.diff'), width: 84, align: 'right' },
      // A blind count shows nothing that hints at the book: no difference, so no reason either (given at review).
      !blind && { key: 'reason', title: t('stocktake.col.reason'), width: 170 },
    ];
    return cols.filter((c): c is Col => c !== false);
  }, [t, blind, showLocation, editable]);

  const widths = useMemo(() => {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = viewWidth > total ? viewWidth / total : 1;
    return columns.map((c) => Math.floor(c.width * scale));
  }, [columns, viewWidth]);
  const template = widths.map((w) => `${w}px`).join(' ');
  const totalWidth = widths.reduce((s, w) => s + w, 0);

  const bodyHeight = Math.max(0, height - HEADER);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + bodyHeight) / ROW) + OVERSCAN);

  const focusRow = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el || index < 0 || index >= rows.length) return;
      // Keep a line of look-ahead below the one being typed in.
      const top = index * ROW;
      const bottom = HEADER + (index + 2) * ROW;
      let next = el.scrollTop;
      if (top < next) next = Math.max(0, top - ROW);
      else if (bottom > next + el.clientHeight) next = bottom - el.clientHeight;
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        setScrollTop(el.scrollTop);
      }
      setWant({ index, n: Date.now() });
    },
    [rows.length],
  );
  useImperativeHandle(gridRef, () => ({ focusRow }), [focusRow]);

  useLayoutEffect(() => {
    if (!want) return;
    const input = scroller.current?.querySelector<HTMLInputElement>(`input[data-row="${want.index}"]`);
    if (input) {
      input.focus();
      input.select();
      setWant(null);
    }
  }, [want, first, last]);

  // A different set of rows (another filter) starts at the top.
  const firstId = rows[0]?.lineId;
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [firstId, rows.length === 0]);

  const visible = rows.slice(first, last);
  return (
    <div className="vt st-grid" role="table" aria-rowcount={rows.length} style={{ height }} data-testid="count-grid">
      <div ref={scroller} className="vt-scroll" style={{ height }} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}>
        <div className="vt-inner" style={{ width: totalWidth, height: HEADER + rows.length * ROW }}>
          <div className="vt-head" role="row" style={{ gridTemplateColumns: template, height: HEADER }}>
            {columns.map((c) => (
              <div key={c.key} role="columnheader" className={`vt-th align-${c.align ?? 'left'}`}>
                <span className="vt-th-text">{c.title}</span>
              </div>
            ))}
          </div>
          {/* Rows keep their own elements (an input being typed in must not pass to another line); each sits at its offset. */}
          <div className="vt-rows">
            {visible.map((line, i) => (
              <CountRow
                key={line.lineId}
                line={line}
                index={first + i}
                template={template}
                columns={columns}
                editable={editable}
                draft={props.drafts.get(line.lineId)}
                draftValue={props.draftValue(line)}
                error={props.errors.get(line.lineId)}
                onDraft={props.onDraft}
                onCommit={props.onCommit}
                onReason={props.onReason}
                focusRow={focusRow}
              />
            ))}
          </div>
        </div>
        {rows.length === 0 && (
          <div className="vt-empty st-grid-empty" style={{ top: HEADER }}>
            {t('stocktake.noLines')}
          </div>
        )}
      </div>
    </div>
  );
}

interface RowProps {
  line: StocktakeLine;
  index: number;
  template: string;
  columns: Col[];
  editable: boolean;
  draft: string | undefined;
  draftValue: number | undefined;
  error: string | undefined;
  onDraft(lineId: number, text: string | undefined): void;
  onCommit(line: StocktakeLine): boolean;
  onReason(line: StocktakeLine, reason: string): Promise<boolean>;
  focusRow(index: number): void;
}

const CountRow = memo(function CountRow({ line, index, template, columns, editable, draft, draftValue, error, onDraft, onCommit, onReason, focusRow }: RowProps) {
  const { t } = useI18n();
  // In a blind count the book is not in the page at all.
  const showBook = columns.some((c) => c.key === 'book');
  const saved = line.counted === null ? '' : String(line.counted);
  const value = draft ?? saved;
  const dirty = draft !== undefined && draft !== saved;
  const diff = draftValue !== undefined && line.book !== null ? Math.round((draftValue - line.book) * 1000) / 1000 : line.difference;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      if (onCommit(line)) focusRow(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (onCommit(line)) focusRow(index - 1);
    } else if (e.key === 'Escape') {
      onDraft(line.lineId, undefined);
    }
  };

  const cell = (key: string): ReactNode => {
    switch (key) {
      case 'seq':
        return <span className="muted num">{formatInt(index + 1)}</span>;
      case 'location':
        return <span title={line.locationName}>{line.locationName}</span>;
      case 'code':
        return <span>{line.itemCode}</span>;
      case 'name':
        return (
          <span title={line.itemName}>
            {line.unexpected && <span className="st-found">{t('stocktake.found')}</span>}
            {line.itemName}
          </span>
        );
      case 'spec':
        return <span title={line.spec ?? ''}>{line.spec ?? ''}</span>;
      case 'batch':
        return line.batchNo ? <span title={line.batchNo}>{line.batchNo}</span> : <span className="muted">{t('stocktake.noBatch')}</span>;
      case 'expiry':
        return <span className="num">{formatDate(line.expiryDate)}</span>;
      case 'book':
        return <Qty n={line.book} unit={line.unit} />;
      case 'counted':
        if (!editable) return line.counted === null ? <span className="muted">{t('stocktake.uncountedShort')}</span> : <Qty n={line.counted} unit={line.unit} />;
        return (
          <Tooltip title={error} open={Boolean(error)} placement="topRight">
            <Input
              size="small"
              className={`num-input st-count-input${dirty ? ' st-dirty' : ''}${error ? ' st-invalid' : ''}`}
              status={error ? 'error' : undefined}
              value={value}
              placeholder={t('stocktake.countPlaceholder')}
              suffix={<span className="unit">{line.unit}</span>}
              aria-invalid={error ? true : undefined}
              inputMode="decimal"
              autoComplete="off"
              onChange={(e) => onDraft(line.lineId, e.target.value)}
              onKeyDown={onKeyDown}
              onBlur={() => onCommit(line)}
              onFocus={(e) => e.target.select()}
              data-row={index}
              data-line={line.lineId}
              data-book={showBook ? line.book : undefined}
              data-testid="count-input"
              aria-label={t('stocktake.countAria', { item: line.itemName, batch: line.batchNo || t('stocktake.noBatch') })}
            />
          </Tooltip>
        );
      case 'diff':
        return diff === null ? null : <Diff n={diff} unit={line.unit} />;
      case 'reason':
        return editable && diff !== null && diff !== 0 ? (
          <ReasonInput line={line} onSave={onReason} testId="count-reason" />
        ) : (
          <span title={line.reason ?? ''} className="st-reason-text">
            {line.reason ?? ''}
          </span>
        );
      default:
        return null;
    }
  };

  return (
    <div
      className={`vt-tr st-tr${index % 2 ? ' odd' : ''}${line.counted === null ? ' st-uncounted' : ''}${line.difference ? ' st-has-diff' : ''}`}
      role="row"
      aria-rowindex={index + 1}
      data-testid={`count-row-${line.lineId}`}
      style={{ gridTemplateColumns: template, height: ROW, top: index * ROW }}
    >
      {columns.map((c) => (
        <div key={c.key} role="cell" className={`vt-td align-${c.align ?? 'left'} st-td-${c.key}`}>
          {cell(c.key)}
        </div>
      ))}
    </div>
  );
});
