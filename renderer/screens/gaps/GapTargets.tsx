// The three targets over the gap list — shelter standardisation, village coverage, materials meeting norms — and
// what the suggestions come to (transfers, purchases). Clicking a target shows the gaps behind it.
import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { Summary } from '../../../src/api/contract';
import type { GapKind, GapReport } from '../../../src/api/contract.gaps';
import { formatInt } from '../../components/format';
import { useI18n } from '../../i18n';
import { needed, pct, RateBar, toneOf } from './shared';

interface Target {
  key: string;
  title: string;
  rate: number;
  target: number;
  count: string;
  note: ReactNode;
  kind: GapKind;
}

export function GapTargets({ report, summary, street, onKind }: { report: GapReport; summary: Summary | undefined; street: string | undefined; onKind: (kind: GapKind) => void }) {
  const { t } = useI18n();
  const s = report.summary;
  const streetRow = street ? report.streets.find((x) => x.code === street) : undefined;
  const perStreet = street ? summary?.perStreet.find((x) => x.code === street) : undefined;

  const shelterRate = streetRow?.shelterStandardisedRate ?? s.shelterStandardisedRate;
  const shelterTotal = street ? perStreet?.shelters : summary?.sheltersInUse;
  const shelterDone = street ? perStreet?.sheltersStandardised : summary?.readiness.sheltersStandardised;
  const coverageRate = streetRow?.villageCoverageRate ?? s.villageCoverageRate;
  const villages = street ? perStreet?.villages : summary?.villages;
  const covered = street ? perStreet?.villagesCovered : summary ? summary.villages - summary.readiness.villagesUncovered : undefined;

  const shelterShort = shelterTotal !== undefined && shelterDone !== undefined ? Math.max(0, needed(shelterTotal, s.shelterTarget) - shelterDone) : 0;
  const targets: Target[] = [
    {
      key: 'shelters',
      title: t('gaps.target.shelters'),
      rate: shelterRate,
      target: s.shelterTarget,
      count: shelterTotal !== undefined && shelterDone !== undefined ? t('gaps.target.sheltersCount', { done: formatInt(shelterDone), total: formatInt(shelterTotal) }) : '',
      note:
        shelterShort > 0
          ? t('gaps.target.sheltersShort', { n: formatInt(shelterShort), lines: formatInt(s.shelterGapLines) })
          : t('gaps.target.met', { lines: formatInt(s.shelterGapLines) }),
      kind: 'shelters',
    },
    {
      key: 'coverage',
      title: t('gaps.target.coverage'),
      rate: coverageRate,
      target: s.villageCoverageTarget,
      count: villages !== undefined && covered !== undefined ? t('gaps.target.coverageCount', { done: formatInt(covered), total: formatInt(villages) }) : '',
      note:
        villages !== undefined && covered !== undefined && covered < villages
          ? t('gaps.target.coverageShort', { n: formatInt(villages - covered), lines: formatInt(s.equipmentGapLines) })
          : t('gaps.target.met', { lines: formatInt(s.equipmentGapLines) }),
      kind: 'equipment',
    },
    {
      key: 'materials',
      title: t('gaps.target.materials'),
      rate: s.materialsMeetingRate,
      target: 1,
      count: t('gaps.target.materialsCount', { done: formatInt(s.placesMeetingNorms), total: formatInt(s.placesWithNorms) }),
      note: t('gaps.target.materialsShort', { lines: formatInt(s.materialGapLines) }),
      kind: 'materials',
    },
  ];

  return (
    <div className="gap-targets">
      {targets.map((x) => (
        <Card key={x.key} size="small" className={`gap-target clickable tone-${toneOf(x.rate, x.target)}`} onClick={() => onKind(x.kind)} data-testid={`gap-target-${x.key}`}>
          <div className="gap-target-head">
            <span className="gap-target-title">{x.title}</span>
            <span className="gap-target-goal">{t('gaps.target.goal', { target: pct(x.target) })}</span>
          </div>
          <div className="gap-target-figures">
            <span className="gap-target-rate" data-testid={`gap-rate-${x.key}`}>
              {pct(x.rate, x.target)}
            </span>
            <span className="gap-target-count">{x.count}</span>
          </div>
          <RateBar rate={x.rate} target={x.target} />
          <div className="gap-target-note">{x.note}</div>
        </Card>
      ))}
      <Card size="small" className="gap-target actions" data-testid="gap-target-actions">
        <div className="gap-target-head">
          <span className="gap-target-title">{t('gaps.target.actions')}</span>
        </div>
        <div className="gap-actions-figures">
          <div>
            <span className="gap-actions-n">{formatInt(s.transferLines)}</span>
            <span className="gap-actions-label">{t('gaps.target.transferLines')}</span>
          </div>
          <div>
            <span className="gap-actions-n buy">{formatInt(s.purchaseLines)}</span>
            <span className="gap-actions-label">{t('gaps.target.purchaseLines')}</span>
          </div>
        </div>
        <div className="gap-target-note">{t('gaps.target.actionsNote')}</div>
      </Card>
    </div>
  );
}
