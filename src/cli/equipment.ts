// `coverage` and `shelters`: the plan's two promises, village coverage and shelter standardisation, from the CLI.
import { type Command, Option } from 'commander';
import { equipmentLabels } from '../i18n/equipment.js';
import type { CliKit } from './main.js';
import { renderTable } from './table.js';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function registerEquipmentCommands(kit: CliKit): void {
  const { command, withLedger, call, json, io } = kit;

  command('coverage', '村社装备覆盖（卫星电话、排水泵、发电机） (village coverage by phones, pumps and generators)')
    .option('--street <code>', '街道/镇编码 (street/town code)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { street?: string; json?: boolean }, cmd: Command) => {
      const r = await withLedger(cmd, (ctx) => call(ctx, 'coverage.get', { streetCode: opts.street }));
      if (opts.json) {
        return json({
          rate: r.rate,
          rule: r.rule,
          streets: r.streets,
          villages: r.villages.map((v) => ({ street: v.street, streetCode: v.streetCode, village: v.village, villageCode: v.villageCode, covered: v.covered, reasons: v.reasons })),
        });
      }
      io.out(`村社覆盖率 (coverage)：${pct(r.rate)}`);
      io.out(
        renderTable(r.streets, [
          { title: '街道/镇', value: (s) => s.name },
          { title: '村社', value: (s) => s.villages, align: 'right' },
          { title: '已覆盖', value: (s) => s.covered, align: 'right' },
          { title: '覆盖率', value: (s) => pct(s.rate), align: 'right' },
        ]),
      );
      const failing = r.villages.filter((v) => !v.covered);
      if (failing.length) {
        io.out(`\n未覆盖村社 (villages not covered)：${failing.length}`);
        io.out(
          renderTable(failing, [
            { title: '街道/镇', value: (v) => v.street },
            { title: '村社', value: (v) => v.village },
            { title: '原因', value: (v) => v.reasons.join('；') },
          ]),
        );
      }
    });

  command('shelters', '避灾场所规范化达标情况 (shelter standardisation against the target)')
    .option('--street <code>', '街道/镇编码 (street/town code)')
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { street?: string; json?: boolean }, cmd: Command) => {
      const k = await withLedger(cmd, (ctx) => call(ctx, 'shelters.kpi', { streetCode: opts.street }));
      if (opts.json) {
        return json({
          rate: k.rate,
          target: k.target,
          inUse: k.inUse,
          standardised: k.standardised,
          streets: k.streets,
          shelters: k.shelters.map((s) => ({ code: s.code, name: s.name, street: s.street, level: s.level, capacity: s.capacity, inUse: s.inUse, standardised: s.standardised, failing: s.failing })),
        });
      }
      io.out(`规范化建设率 (standardised)：${pct(k.rate)}（${k.standardised}/${k.inUse}，目标 ${pct(k.target)}）`);
      io.out(
        renderTable(k.streets, [
          { title: '街道/镇', value: (s) => s.name },
          { title: '在用', value: (s) => s.inUse, align: 'right' },
          { title: '达标', value: (s) => s.standardised, align: 'right' },
          { title: '达标率', value: (s) => pct(s.rate), align: 'right' },
        ]),
      );
      const failing = k.shelters.filter((s) => s.inUse && !s.standardised);
      if (failing.length) {
        io.out(`\n未达标场所 (not standardised)：${failing.length}`);
        io.out(
          renderTable(failing, [
            { title: '场所', value: (s) => s.name },
            { title: '可容纳', value: (s) => s.capacity, align: 'right' },
            { title: '未达标项', value: (s) => s.failing.map((f) => equipmentLabels.checklist[f].zh).join('、') },
          ]),
        );
      }
    });
}

export function registerGapCommands(kit: CliKit): void {
  const { command, withLedger, call, json, io } = kit;
  command('gaps', '缺口清单：物资低于定额、村社未覆盖、试机逾期、场所未达标 (gaps against norms and targets)')
    .option('--street <code>', '街道/镇编码 (street/town code)')
    .addOption(new Option('--kind <kind>', '类别 (kind)').choices(['materials', 'equipment', 'shelters']))
    .option('--json', '输出 JSON (print JSON)')
    .action(async (opts: { street?: string; kind?: 'materials' | 'equipment' | 'shelters'; json?: boolean }, cmd: Command) => {
      const r = await withLedger(cmd, (ctx) => call(ctx, 'gaps.get', { streetCode: opts.street, kind: opts.kind }));
      if (opts.json) return json(r);
      const s = r.summary;
      io.out(
        [
          `避灾场所规范化率 (shelters standardised)：${pct(s.shelterStandardisedRate)}（目标 ${pct(s.shelterTarget)}）`,
          `村社装备覆盖率 (village coverage)：${pct(s.villageCoverageRate)}（目标 100%）`,
          `物资达到定额的储备点 (places meeting norms)：${s.placesMeetingNorms}/${s.placesWithNorms}`,
          `缺口：物资 ${s.materialGapLines} 条，装备 ${s.equipmentGapLines} 条，场所 ${s.shelterGapLines} 条`,
        ].join('\n'),
      );
      if (r.gaps.length) {
        io.out('');
        io.out(
          renderTable(r.gaps, [
            { title: '街道/镇', value: (g) => g.street ?? '区级' },
            { title: '地点', value: (g) => g.place },
            { title: '项目', value: (g) => g.item },
            { title: '应有', value: (g) => g.required, align: 'right' },
            { title: '可用', value: (g) => g.usable, align: 'right' },
            { title: '缺口', value: (g) => g.shortfall, align: 'right' },
            { title: '建议', value: (g) => g.action },
          ]),
        );
      }
    });
}
