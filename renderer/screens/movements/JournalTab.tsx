// 出入库流水: the journal with filters (location, item, type, dates, search) and paging on the server.
import { SearchOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useRef, useState } from 'react';
import { type DocumentView, type MovementRecord, movementTypes, type MovementType } from '../../../src/api/contract';
import { call } from '../../api';
import { formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { dateText } from '../../components/values';
import { useI18n } from '../../i18n';
import { ExportButton } from '../ledgers/ExportButton';
import { journalColumns } from './journalColumns';
import { searchFilter, useItemOptions, useLocationOptions } from './options';
import { ReverseDocumentModal } from './ReverseDocumentModal';
import { ReverseModal } from './ReverseModal';

interface Filters {
  locationCode?: string | undefined;
  itemCode?: string | undefined;
  types?: MovementType[] | undefined;
  range?: [Dayjs | null, Dayjs | null] | null | undefined;
  search?: string | undefined;
}

export function JournalTab({ initialSearch }: { initialSearch?: string | null }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { message } = App.useApp();
  const { version, changed } = useRefData();
  const locations = useLocationOptions();
  const items = useItemOptions();
  const [filters, setFilters] = useState<Filters>({ search: initialSearch ?? undefined });
  const [searchText, setSearchText] = useState(initialSearch ?? '');
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const [reversing, setReversing] = useState<MovementRecord>();
  const [reversingDoc, setReversingDoc] = useState<string>();

  const journal = useLoad(
    () =>
      call('movements.list', {
        locationCode: filters.locationCode,
        itemCode: filters.itemCode,
        types: filters.types?.length ? filters.types : undefined,
        from: dateText(filters.range?.[0]),
        to: dateText(filters.range?.[1]),
        search: filters.search || undefined,
        limit: page.pageSize,
        offset: (page.current - 1) * page.pageSize,
      }),
    [filters, page, version],
  );

  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const onReverse = useCallback((r: MovementRecord) => setReversing(r), []);
  const onReverseDocument = useCallback((r: MovementRecord) => setReversingDoc(r.docNo), []);
  const columns = useMemo(() => journalColumns(i18n, onReverse, onReverseDocument), [i18n, onReverse, onReverseDocument]);
  const width = columns.reduce((s, c) => s + c.width, 0);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 84);

  const reversed = useCallback(
    (doc: DocumentView) => {
      setReversing(undefined);
      void message.success(t('journal.reverseDone', { docNo: doc.docNo }));
      changed();
    },
    [message, t, changed],
  );

  // The modal stays open on its result (更正重录 is offered there); the journal shows the reversal meanwhile.
  const documentReversed = useCallback(() => changed(), [changed]);

  return (
    <div className="journal">
      <div className="toolbar">
        <Space size={6} wrap>
          <Select
            allowClear
            showSearch={searchFilter}
            placeholder={t('stock.anyLocation')}
            style={{ width: 200 }}
            popupMatchSelectWidth={320}
            options={locations}
            value={filters.locationCode}
            onChange={(v?: string) => set({ locationCode: v })}
            data-testid="journal-filter-location"
          />
          <Select
            allowClear
            showSearch={searchFilter}
            placeholder={t('field.item')}
            style={{ width: 150 }}
            popupMatchSelectWidth={300}
            options={items}
            value={filters.itemCode}
            onChange={(v?: string) => set({ itemCode: v })}
            data-testid="journal-filter-item"
          />
          <Select<MovementType[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('journal.filterTypes')}
            style={{ width: 170 }}
            options={movementTypes.map((v) => ({ value: v, label: label('movementType', v) }))}
            value={filters.types}
            onChange={(v) => set({ types: v })}
            data-testid="journal-filter-types"
          />
          <DatePicker.RangePicker
            format="YYYY-MM-DD"
            style={{ width: 220 }}
            value={filters.range ?? null}
            onChange={(v) => set({ range: v })}
            data-testid="journal-filter-dates"
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('journal.searchPlaceholder')}
            style={{ width: 190 }}
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              if (!e.target.value) set({ search: undefined });
            }}
            onPressEnter={() => set({ search: searchText.trim() || undefined })}
            data-testid="journal-search"
          />
          <Button onClick={() => set({ search: searchText.trim() || undefined })}>{t('common.search')}</Button>
          <Button
            onClick={() => {
              setSearchText('');
              setFilters({});
              setPage((p) => ({ ...p, current: 1 }));
            }}
          >
            {t('common.reset')}
          </Button>
          <ExportButton kind="movements" locationCode={filters.locationCode} label={t('ledgers.exportShort')} />
        </Space>
      </div>
      {journal.error && <LoadError error={journal.error} onRetry={journal.reload} />}
      <div ref={box} className="table-box">
        <Table<MovementRecord>
          size="small"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={journal.data?.rows ?? []}
          loading={journal.loading}
          scroll={{ x: width, y: height }}
          rowClassName={(r) => (r.reversedById !== null || r.type === 'reversal' ? 'row-reversed' : '')}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: journal.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 200],
            size: 'small',
            showTotal: (n) => t('common.rows', { n: formatInt(n) }),
            onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
          }}
          data-testid="journal-table"
        />
      </div>
      {reversing && <ReverseModal row={reversing} onClose={() => setReversing(undefined)} onDone={reversed} />}
      {reversingDoc && <ReverseDocumentModal docNo={reversingDoc} onClose={() => setReversingDoc(undefined)} onDone={documentReversed} />}
    </div>
  );
}
