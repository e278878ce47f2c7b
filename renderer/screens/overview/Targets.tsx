// The plan's targets against today — shelter standardisation ≥ 90%, village coverage 100%, materials meeting
// norms — for the district (a dashboard) and per street (bars with the target marked); every figure opens the gaps
// behind it. Beside them the flood equipment by kind, with overdue tests and expired airtime.
import { RightOutlined } from '@ant-design/icons';
import { Card, Progress, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { Summary } from '../../../src/api/contract';
import type { GapKind, GapReport } from '../../../src/api/contract.gaps';
import { formatInt } from '../../components/format';
import { hrefOf, navigate } from '../../components/router';
import { useI18n } from '../../i18n';
import { EQUIPMENT_KINDS, equipmentUnit, needed, pct, RateBar, TONE_COLOR, toneOf } from '../gaps/shared';

type TargetKey = 'shelters' | 'coverage' | 'materials';

interface StreetBar {
  code: string;
  name: string;
  rate: number;
  detail: string;
}

interface TargetProps {
  id: TargetKey;
  title: string;
  /** Undefined while the gap engine's answer is on its way: nothing is shown rather than a wrong figure. */
  rate: number | undefined;
  target: number;
  count: string;
  short: string;
  gapLines: number;
  gapKind: GapKind;
  gapCat?: string;
  streets: StreetBar[];
  more?: { label: string; path: string[] };
}

function TargetCard(p: TargetProps) {
  const { t } = useI18n();
  const tone = p.rate === undefined ? 'none' : toneOf(p.rate, p.target);
  const rate = p.rate === undefined ? '—' : pct(p.rate, p.target);
  const gapsQuery = { kind: p.gapKind, cat: p.gapCat };
  return (
    <Card
      size="small"
      className={`target-card tone-${tone}`}
      data-testid={`overview-target-${p.id}`}
      title={
        <a className="target-title" href={hrefOf(['gaps'], gapsQuery)} data-testid={`target-link-${p.id}`}>
          {p.title}
        </a>
      }
      extra={<span className="target-goal">{t('gaps.target.goal', { target: pct(p.target) })}</span>}
    >
      <div className="target-body">
        <div className="target-main">
          <Tooltip title={t('overview.target.dialTip', { rate, target: pct(p.target) })}>
            <Progress
              type="dashboard"
              size={78}
              percent={p.rate === undefined ? 0 : Math.round(p.rate * 1000) / 10}
              strokeColor={tone === 'none' ? undefined : TONE_COLOR[tone]}
              format={() => (
                <span className="target-rate" data-testid={`target-rate-${p.id}`}>
                  {rate}
                </span>
              )}
            />
          </Tooltip>
          <div className="target-count">{p.count}</div>
          <div className={`target-short tone-${tone}`}>{p.short}</div>
          <a className="target-gaps" href={hrefOf(['gaps'], gapsQuery)} data-testid={`target-gaps-${p.id}`}>
            {t('overview.target.gapLines', { n: formatInt(p.gapLines) })}
            <RightOutlined />
          </a>
        </div>
        <div className="target-streets" data-testid={`target-streets-${p.id}`}>
          {/* The street's detail as the element's own title: 27 antd tooltips cost the overview a visible redraw. */}
          {p.streets.map((s) => (
            <div
              key={s.code}
              className="target-street"
              role="link"
              tabIndex={0}
              title={s.detail}
              onClick={() => navigate(['gaps'], { street: s.code, ...gapsQuery })}
              onKeyDown={(e) => e.key === 'Enter' && navigate(['gaps'], { street: s.code, ...gapsQuery })}
              data-testid={`target-bar-${p.id}-${s.code}`}
            >
              <span className="target-street-name">{s.name}</span>
              <RateBar rate={s.rate} target={p.target} />
              <span className={`target-street-rate tone-${toneOf(s.rate, p.target)}`}>{pct(s.rate, p.target, 0)}</span>
            </div>
          ))}
          {p.more && (
            <a className="target-more" href={hrefOf(p.more.path)} data-testid={`target-more-${p.id}`}>
              {p.more.label}
              <RightOutlined />
            </a>
          )}
        </div>
      </div>
    </Card>
  );
}

export function Targets({ summary, gaps }: { summary: Summary; gaps: GapReport | undefined }) {
  const { t } = useI18n();
  const r = summary.readiness;
  const gs = gaps?.summary;
  const perStreet = new Map(summary.perStreet.map((s) => [s.code, s]));
  const gapStreets = gaps?.streets ?? [];
  const shelterNeed = needed(summary.sheltersInUse, r.shelterTarget);
  const shelterShort = Math.max(0, shelterNeed - r.sheltersStandardised);
  const covered = summary.villages - r.villagesUncovered;

  const cards: TargetProps[] = [
    {
      id: 'shelters',
      title: t('gaps.target.shelters'),
      rate: r.shelterStandardisedRate,
      target: r.shelterTarget,
      count: t('gaps.target.sheltersCount', { done: formatInt(r.sheltersStandardised), total: formatInt(summary.sheltersInUse) }),
      short: shelterShort > 0 ? t('overview.target.sheltersShort', { n: formatInt(shelterShort), need: formatInt(shelterNeed) }) : t('overview.target.reached'),
      gapLines: gs?.shelterGapLines ?? 0,
      gapKind: 'shelters',
      streets: gapStreets.map((s) => {
        const c = perStreet.get(s.code);
        return {
          code: s.code,
          name: s.name,
          rate: s.shelterStandardisedRate,
          detail: t('overview.target.streetShelters', {
            street: s.name,
            done: formatInt(c?.sheltersStandardised ?? 0),
            total: formatInt(c?.shelters ?? 0),
            rate: pct(s.shelterStandardisedRate, r.shelterTarget),
            lines: formatInt(s.shelterGaps),
          }),
        };
      }),
      more: { label: t('overview.target.toShelters'), path: ['shelters'] },
    },
    {
      id: 'coverage',
      title: t('gaps.target.coverage'),
      rate: r.villageCoverageRate,
      target: gs?.villageCoverageTarget ?? 1,
      count: t('gaps.target.coverageCount', { done: formatInt(covered), total: formatInt(summary.villages) }),
      short: r.villagesUncovered > 0 ? t('overview.target.coverageShort', { n: formatInt(r.villagesUncovered) }) : t('overview.target.reached'),
      gapLines: gaps ? gaps.gaps.filter((g) => g.category === 'coverage').length : r.villagesUncovered,
      gapKind: 'equipment',
      gapCat: 'coverage',
      streets: gapStreets.map((s) => {
        const c = perStreet.get(s.code);
        return {
          code: s.code,
          name: s.name,
          rate: s.villageCoverageRate,
          detail: t('overview.target.streetCoverage', {
            street: s.name,
            done: formatInt(c?.villagesCovered ?? 0),
            total: formatInt(c?.villages ?? 0),
            rate: pct(s.villageCoverageRate, 1),
          }),
        };
      }),
      more: { label: t('overview.target.toCoverage'), path: ['coverage'] },
    },
    {
      id: 'materials',
      title: t('gaps.target.materials'),
      rate: gs?.materialsMeetingRate,
      target: 1,
      count: gs ? t('gaps.target.materialsCount', { done: formatInt(gs.placesMeetingNorms), total: formatInt(gs.placesWithNorms) }) : '',
      short: !gs ? '' : gs.materialGapLines > 0 ? t('overview.target.materialsShort', { transfer: formatInt(gs.transferLines), purchase: formatInt(gs.purchaseLines) }) : t('overview.target.reached'),
      gapLines: gs?.materialGapLines ?? 0,
      gapKind: 'materials',
      streets: gapStreets.map((s) => ({
        code: s.code,
        name: s.name,
        rate: s.materialsMeetingRate,
        detail: t('overview.target.streetMaterials', { street: s.name, rate: pct(s.materialsMeetingRate, 1), lines: formatInt(s.materialGaps) }),
      })),
      more: { label: t('overview.target.toNorms'), path: ['gaps', 'norms'] },
    },
  ];

  return (
    <div className="targets-row">
      {cards.map((c) => (
        <TargetCard key={c.id} {...c} />
      ))}
      <EquipmentCard summary={summary} gaps={gaps} />
    </div>
  );
}

/** Units by kind, with the readiness figures that need doing something about. */
function EquipmentCard({ summary, gaps }: { summary: Summary; gaps: GapReport | undefined }) {
  const { t } = useI18n();
  const airtime = gaps ? gaps.gaps.filter((g) => g.category === 'airtime' && g.shortfall > 0).length : undefined;
  const airtimeSoon = gaps ? gaps.gaps.filter((g) => g.category === 'airtime' && g.shortfall === 0).length : undefined;
  const alert = (key: string, label: string, n: number | undefined, unit: string, cat: string, tone: 'danger' | 'warning'): ReactNode => (
    <a
      key={key}
      className={`equip-alert${n ? ` tone-${tone}` : ''}`}
      href={hrefOf(['gaps'], { kind: 'equipment', cat })}
      data-testid={`overview-${key}`}
    >
      <span>{label}</span>
      <span className="num">
        {n === undefined ? '' : formatInt(n)}
        <span className="unit">{unit}</span>
      </span>
    </a>
  );
  return (
    <Card
      size="small"
      className="target-card equip-card"
      data-testid="overview-equipment"
      title={t('overview.eq.title')}
      extra={
        <a className="target-goal" href={hrefOf(['equipment'])} data-testid="overview-equipment-link">
          {t('overview.eq.registry')}
          <RightOutlined />
        </a>
      }
    >
      <div className="equip-grid">
        {EQUIPMENT_KINDS.map((k) => (
          <div key={k} className="equip-kind" data-testid={`overview-eq-${k}`}>
            <span className="equip-name">{t(`gaps.eq.${k}`)}</span>
            <span className="num equip-n">
              {formatInt(summary.equipment[k] ?? 0)}
              <span className="unit">{equipmentUnit(t, k)}</span>
            </span>
          </div>
        ))}
      </div>
      <div className="equip-alerts">
        {alert('tests-overdue', t('overview.eq.testsOverdue'), summary.readiness.testsOverdue, t('gaps.unit.piece'), 'test', 'danger')}
        {alert('villages-uncovered', t('overview.eq.uncovered'), summary.readiness.villagesUncovered, t('overview.eq.villagesUnit'), 'coverage', 'danger')}
        {alert('airtime-expired', t('overview.eq.airtime'), airtime, t('gaps.eqUnit.satellite_phone'), 'airtime', 'danger')}
        {airtimeSoon !== undefined && airtimeSoon > 0 && alert('airtime-soon', t('overview.eq.airtimeSoon'), airtimeSoon, t('gaps.eqUnit.satellite_phone'), 'airtime', 'warning')}
      </div>
    </Card>
  );
}
