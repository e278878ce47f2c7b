// 村社覆盖: the share of villages covered by working phones, pumps and generators, for the district and per street
// (#/coverage); a street's villages with working/required per kind and the reasons in words (#/coverage/STREET).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Checkbox, Progress, Skeleton, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useRef, useState } from 'react';
import type { CoverageReport, VillageCoverage } from '../../../src/api/contract.equipment';
import { call } from '../../api';
import { formatInt } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { useRefData } from '../../components/RefData';
import { navigate } from '../../components/router';
import { useFillHeight } from '../../components/useFillHeight';
import { useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n';
import { type Kinds, useKinds } from '../equipment/shared';

type StreetRow = CoverageReport['streets'][number];

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const tone = (rate: number) => (rate >= 1 ? '#389e0d' : rate >= 0.9 ? '#1f5fa8' : '#d46b08');

export function CoverageScreen({ rest }: { rest: string[]; query: URLSearchParams }) {
  const { t } = useI18n();
  const { version } = useRefData();
  const kinds = useKinds();
  const loaded = useLoad(() => call('coverage.get', {}), [version]);
  const street = rest[0];

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const report = loaded.data;
  if (!report) return <Skeleton active />;
  const covered = report.villages.filter((v) => v.covered).length;
  const ruleList = Object.entries(report.rule)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => t('cov.ruleItem', { kind: kinds.name(k), n, unit: kinds.byCode.get(k)?.unit ?? '' }))
    .join(t('fmt.listSep'));

  return (
    <div className="screen coverage" data-testid="screen-coverage">
      <div className="kpi-band">
        <div className="kpi-main">
          <div className="kpi-title">{t('cov.overall')}</div>
          <div className={`kpi-figure${report.rate < 1 ? ' below' : ''}`} data-testid="cov-rate">
            {pct(report.rate)}
          </div>
          <Progress percent={report.rate * 100} showInfo={false} strokeColor={tone(report.rate)} size="small" />
          <div className="kpi-note" data-testid="cov-counts">
            {t('cov.coveredOf', { covered: formatInt(covered), total: formatInt(report.villages.length) })}
            {' · '}
            <span className={report.villages.length > covered ? 'eq-red' : ''}>{t('cov.uncoveredN', { n: formatInt(report.villages.length - covered) })}</span>
          </div>
        </div>
        <div className="kpi-streets">
          <ReasonSummary report={report} kinds={kinds} />
          <div className="kpi-note">{t('cov.rule', { list: ruleList })}</div>
        </div>
      </div>
      <div className="cov-layout">
        <StreetTable streets={report.streets} selected={street} />
        <VillagePanel report={report} street={street} kinds={kinds} />
      </div>
    </div>
  );
}

const REASONS = ['none', 'broken', 'airtime', 'overdue'] as const;

/** How many villages miss each kind, and why: where the work is. */
function ReasonSummary({ report, kinds }: { report: CoverageReport; kinds: Kinds }) {
  const { t } = useI18n();
  const codes = Object.entries(report.rule)
    .filter(([, n]) => n > 0)
    .map(([k]) => k);
  const count = (kind: string, reason: (typeof REASONS)[number]) => report.villages.filter((v) => v.kinds.some((k) => k.kind === kind && k.reason === reason)).length;
  return (
    <table className="cov-summary" data-testid="cov-summary">
      <thead>
        <tr>
          <th>{t('cov.sum.title')}</th>
          {REASONS.map((r) => (
            <th key={r} className="r">
              {t(`cov.sum.${r}`)}
            </th>
          ))}
          <th className="r">{t('common.total')}</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((code) => {
          const counts = REASONS.map((r) => count(code, r));
          const total = counts.reduce((a, b) => a + b, 0);
          return (
            <tr key={code}>
              <td>{kinds.name(code)}</td>
              {counts.map((n, i) => (
                <td key={REASONS[i]} className={`r num${n ? ' eq-red' : ' muted'}`}>
                  {formatInt(n)}
                </td>
              ))}
              <td className={`r num${total ? ' eq-red' : ' muted'}`}>{formatInt(total)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function StreetTable({ streets, selected }: { streets: StreetRow[]; selected: string | undefined }) {
  const { t } = useI18n();
  const columns: ColumnsType<StreetRow> = [
    { title: t('cov.street'), dataIndex: 'name', width: 90, render: (name: string, s) => <span data-testid={`cov-street-${s.code}`}>{name}</span> },
    { title: t('cov.villages'), dataIndex: 'villages', width: 52, align: 'right', render: (n: number) => <span className="num">{formatInt(n)}</span> },
    { title: t('cov.coveredCol'), dataIndex: 'covered', width: 60, align: 'right', render: (n: number) => <span className="num">{formatInt(n)}</span> },
    {
      title: t('cov.rate'),
      dataIndex: 'rate',
      render: (rate: number) => (
        <div className="cov-progress">
          <Progress percent={rate * 100} showInfo={false} strokeColor={tone(rate)} size="small" />
          <span className="num">{pct(rate)}</span>
        </div>
      ),
    },
  ];
  return (
    <Table<StreetRow>
      className="cov-streets"
      size="small"
      bordered
      rowKey="code"
      columns={columns}
      dataSource={streets}
      pagination={false}
      rowClassName={(s) => (s.code === selected ? 'row-selected' : '')}
      onRow={(s) => ({ onClick: () => navigate(s.code === selected ? ['coverage'] : ['coverage', s.code]) }) as HTMLAttributes<HTMLElement>}
      data-testid="cov-streets"
    />
  );
}

function VillagePanel({ report, street, kinds }: { report: CoverageReport; street: string | undefined; kinds: Kinds }) {
  const { t } = useI18n();
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const streetRow = report.streets.find((s) => s.code === street);
  const rows = useMemo(
    () => report.villages.filter((v) => (street ? v.streetCode === street && (!onlyUncovered || !v.covered) : !v.covered)),
    [report.villages, street, onlyUncovered],
  );
  const kindCodes = Object.entries(report.rule)
    .filter(([, n]) => n > 0)
    .map(([k]) => k);
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box, 24, 160);

  const reasons = (v: VillageCoverage) =>
    v.kinds
      .filter((k) => k.reason)
      .map((k) => t(`cov.reason.${k.reason!}`, { kind: kinds.name(k.kind) }))
      .join(t('fmt.listSep'));

  const columns: ColumnsType<VillageCoverage> = [
    ...(street ? [] : [{ title: t('cov.street'), dataIndex: 'street', width: 80 } as const]),
    { title: t('cov.village'), dataIndex: 'village', width: 92, ellipsis: true },
    {
      title: t('cov.state'),
      dataIndex: 'covered',
      width: 80,
      render: (c: boolean) => <span className={`eq-tag ${c ? 'eq-ok' : 'eq-bad'}`}>{c ? t('cov.covered') : t('cov.uncovered')}</span>,
    },
    ...kindCodes.map((code) => ({
      key: code,
      title: kinds.name(code),
      width: 80,
      align: 'right' as const,
      render: (_: unknown, v: VillageCoverage) => {
        const k = v.kinds.find((x) => x.kind === code);
        if (!k) return null;
        return (
          <span className={`num${k.working < k.required ? ' eq-red' : ''}`}>
            {formatInt(k.working)} / {formatInt(k.required)}
          </span>
        );
      },
    })),
    { title: t('cov.reasons'), key: 'reasons', ellipsis: true, render: (_: unknown, v) => <span className="cov-reasons">{reasons(v)}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 72,
      render: (_: unknown, v) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(['equipment'], { village: v.villageCode })} data-testid={`cov-units-${v.villageCode}`}>
          {t('cov.viewUnits')}
        </Button>
      ),
    },
  ];

  return (
    <div className="panel" data-testid="cov-villages-panel">
      <div className="cov-panel-head">
        <span className="section-title" style={{ margin: 0 }} data-testid="cov-panel-title">
          {streetRow ? t('cov.streetVillages', { street: streetRow.name }) : t('cov.allUncovered')}
          {streetRow && <span className="muted">{` · ${t('cov.coveredOf', { covered: formatInt(streetRow.covered), total: formatInt(streetRow.villages) })}`}</span>}
          <span className="muted cov-figures-note">{t('cov.figuresNote')}</span>
        </span>
        {street ? (
          <span>
            <Checkbox checked={onlyUncovered} onChange={(e) => setOnlyUncovered(e.target.checked)} data-testid="cov-only-uncovered">
              {t('cov.onlyUncovered')}
            </Checkbox>
            <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => navigate(['coverage'])} data-testid="cov-back">
              {t('cov.backToDistrict')}
            </Button>
          </span>
        ) : (
          <span className="muted">{t('cov.pickStreet')}</span>
        )}
      </div>
      <div ref={box}>
        <Table<VillageCoverage>
          className="cov-villages-table"
          size="small"
          bordered
          rowKey="villageCode"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ y: height - 36 }}
          locale={{ emptyText: t('cov.allCovered') }}
          onRow={(v) => ({ 'data-testid': `cov-village-${v.villageCode}` }) as HTMLAttributes<HTMLElement>}
          data-testid="cov-villages"
        />
      </div>
    </div>
  );
}
