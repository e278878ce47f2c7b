// Turning antd form values into contract input: dayjs dates to 'YYYY-MM-DD', blank text to undefined, empty
// numbers to undefined (so that the schema says what is missing).
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';

export function dateText(v: unknown): string | undefined {
  if (!v) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (dayjs.isDayjs(v)) return (v as Dayjs).format('YYYY-MM-DD');
  return undefined;
}

export function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s ? s : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function dayOf(date: string | undefined): Dayjs | undefined {
  return date ? dayjs(date, 'YYYY-MM-DD') : undefined;
}
