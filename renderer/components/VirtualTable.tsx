// A fixed-row-height virtual table: only the rows in view (plus a few) are in the page, and finding them is
// arithmetic (scrollTop / rowHeight), so 100,000 rows scroll as smoothly as 100. antd's own virtual table walks
// every row on each scroll to place the window, which shows at that size.
//
// Rows are recycled: the page holds a fixed set of row slots, each placed at its row's offset, and a row scrolled
// out hands its slot (and its elements) to the row scrolled in. A fast scroll then changes texts in place instead
// of building and dropping hundreds of elements a frame, which is what made the garbage collector stall it.
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Empty, Spin } from 'antd';
import { memo, type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

export interface VColumn<T> {
  key: string;
  title: ReactNode;
  width: number;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
  /** Plain text of the cell, shown as a tooltip when the cell is cut short. */
  text?: (row: T) => string | null | undefined;
  /** Makes the column sortable by clicking its header. */
  sort?: (a: T, b: T) => number;
}

interface Props<T> {
  columns: VColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  height: number;
  rowHeight?: number;
  loading?: boolean;
  empty?: ReactNode;
  testId?: string;
  rowClassName?: (row: T) => string;
}

const HEADER = 32;
const OVERSCAN = 2;

type Sort = { key: string; dir: 1 | -1 } | null;

export function VirtualTable<T>({ columns, rows, rowKey, height, rowHeight = 30, loading, empty, testId, rowClassName }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewWidth, setViewWidth] = useState(0);
  const [sort, setSort] = useState<Sort>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewWidth(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !col?.sort) return rows;
    const by = col.sort;
    return [...rows].sort((a, b) => sort.dir * by(a, b));
  }, [rows, sort, columns]);

  // A new result (another filter, another order) starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [sorted]);

  // Columns keep their widths; spare room goes to the columns in proportion, so the table fills its box.
  const widths = useMemo(() => {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = viewWidth > total ? viewWidth / total : 1;
    return columns.map((c) => Math.floor(c.width * scale));
  }, [columns, viewWidth]);
  const totalWidth = widths.reduce((s, w) => s + w, 0);
  const template = widths.map((w) => `${w}px`).join(' ');

  const bodyHeight = Math.max(0, height - HEADER);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(sorted.length, Math.ceil((scrollTop + bodyHeight) / rowHeight) + OVERSCAN);
  // Enough slots for a full body of rows plus the overscan on both sides; row k always sits in slot k % slots, so
  // the rows in view never share one and a row that stays in view keeps its slot.
  const slots = Math.ceil(bodyHeight / rowHeight) + 2 * OVERSCAN + 2;
  const visible: { index: number; row: T }[] = [];
  for (let k = first; k < last; k++) visible.push({ index: k, row: sorted[k]! });
  visible.sort((a, b) => (a.index % slots) - (b.index % slots));

  const toggle = (c: VColumn<T>) => {
    if (!c.sort) return;
    setSort((s) => (!s || s.key !== c.key ? { key: c.key, dir: 1 } : s.dir === 1 ? { key: c.key, dir: -1 } : null));
  };

  return (
    <div className="vt" data-testid={testId} role="table" aria-rowcount={sorted.length} style={{ height }}>
      <div
        ref={scroller}
        className="vt-scroll"
        style={{ height }}
        onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
      >
        <div className="vt-inner" style={{ width: totalWidth, height: HEADER + sorted.length * rowHeight }}>
          <div className="vt-head" role="row" style={{ gridTemplateColumns: template, height: HEADER }}>
            {columns.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                className={`vt-th${c.sort ? ' sortable' : ''} align-${c.align ?? 'left'}`}
                onClick={() => toggle(c)}
                aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}
              >
                <span className="vt-th-text">{c.title}</span>
                {c.sort && (
                  <span className="vt-sorter">
                    <CaretUpOutlined className={sort?.key === c.key && sort.dir === 1 ? 'on' : ''} />
                    <CaretDownOutlined className={sort?.key === c.key && sort.dir === -1 ? 'on' : ''} />
                  </span>
                )}
              </div>
            ))}
          </div>
          <div className="vt-rows">
            {visible.map(({ index, row }) => (
              <Row
                key={index % slots}
                row={row}
                rowKey={rowKey(row)}
                index={index}
                columns={columns}
                template={template}
                height={rowHeight}
                className={rowClassName?.(row)}
              />
            ))}
          </div>
        </div>
        {!loading && sorted.length === 0 && (
          <div className="vt-empty" style={{ top: HEADER }}>
            {empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </div>
        )}
      </div>
      {loading && (
        <div className="vt-loading">
          <Spin />
        </div>
      )}
    </div>
  );
}

interface RowProps<T> {
  row: T;
  rowKey: string;
  index: number;
  columns: VColumn<T>[];
  template: string;
  height: number;
  className: string | undefined;
}

function RowInner<T>({ row, rowKey, index, columns, template, height, className }: RowProps<T>) {
  return (
    <div
      className={`vt-tr${index % 2 ? ' odd' : ''}${className ? ` ${className}` : ''}`}
      role="row"
      aria-rowindex={index + 1}
      data-key={rowKey}
      style={{ gridTemplateColumns: template, height, top: index * height }}
    >
      {columns.map((c) => (
        <div key={c.key} role="cell" className={`vt-td align-${c.align ?? 'left'}`} title={c.text?.(row) ?? undefined}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}

/** Rows that stay in view while scrolling are not drawn again. */
const Row = memo(RowInner) as typeof RowInner;
