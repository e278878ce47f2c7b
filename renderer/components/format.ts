// How numbers, money and dates read on screen: quantities grouped with up to 3 decimals, money with 2, dates as
// the core gives them (YYYY-MM-DD, never re-parsed through a time zone).
const qtyFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });
const moneyFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const intFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

export function formatQty(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : qtyFormat.format(n);
}

export function formatMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : moneyFormat.format(n);
}

export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : intFormat.format(n);
}

/** Dates are strings 'YYYY-MM-DD' already; anything longer (an instant) is cut to its day. */
export function formatDate(d: string | null | undefined): string {
  return d ? d.slice(0, 10) : '';
}
