// Calendar dates are days, not instants: 'YYYY-MM-DD' strings, computed in UTC so that the machine's time zone
// never shifts a day.
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return t.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Made once: building a formatter with a time zone costs more than every later use of it.
let shanghaiDay: Intl.DateTimeFormat | undefined;

/** Today in the users' calendar (Asia/Shanghai), whatever the machine's zone; RELIEF_LEDGER_TODAY pins it for tests. */
export function today(): string {
  const pinned = process.env.RELIEF_LEDGER_TODAY;
  if (pinned && isIsoDate(pinned)) return pinned;
  shanghaiDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return shanghaiDay.format(new Date());
}
