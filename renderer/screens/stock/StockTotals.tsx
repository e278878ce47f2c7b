// Under the stock list: the 合计 of the rows shown, when they all have one unit; otherwise a subtotal per unit
// (顶, 条 and 箱 are never added together), a click away.
import { Popover, Typography } from 'antd';
import { useMemo } from 'react';
import { totalsFor, type UnitQuantity } from '../../../src/common/units';
import { formatQty } from '../../components/format';
import { useI18n } from '../../i18n';

export function StockTotals({ rows }: { rows: readonly UnitQuantity[] }) {
  const { t } = useI18n();
  const totals = useMemo(() => totalsFor(rows), [rows]);
  if (rows.length === 0) return null;
  if (totals.kind === 'single') {
    return (
      <Typography.Text type="secondary" data-testid="stock-total">
        {t('stock.total', { qty: `${formatQty(totals.quantity)} ${totals.unit}` })}
      </Typography.Text>
    );
  }
  const list = (
    <table className="unit-subtotals" data-testid="stock-subtotals">
      <tbody>
        {totals.subtotals.map((s) => (
          <tr key={s.unit}>
            <td className="num">{formatQty(s.quantity)}</td>
            <td>{s.unit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Popover content={list} title={t('stock.subtotalsTitle')} trigger="click">
      <Typography.Link data-testid="stock-total">{t('stock.totalsPerUnit', { n: totals.subtotals.length })}</Typography.Link>
    </Popover>
  );
}
