// The keyboard of a document form, as an Excel user expects it: Enter moves to the next field (Shift+Enter back),
// ↓ and ↑ move between the lines (↓ past the last line adds one), Tab moves across as it always does, and only
// Ctrl+Enter (or the save button) saves — which asks for confirmation. Enter never submits anything.
import type { KeyboardEvent } from 'react';

export interface EntryKeyOptions {
  /** Ctrl+Enter: validate and show the confirmation. */
  onSave(): void;
  /** A new empty line at the end of the document. */
  addLine(): void;
}

const FIELD = '.ant-form-item';
const LINE = '[data-line]';

/** The element that takes the typing in a form item: an input (of an Input, InputNumber, Select or DatePicker). */
function focusTarget(item: Element): HTMLElement | null {
  return item.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), textarea:not([disabled])');
}

function fieldsIn(root: Element): HTMLElement[] {
  return [...root.querySelectorAll(FIELD)].map(focusTarget).filter((el): el is HTMLElement => el !== null);
}

function focus(el: HTMLElement | null | undefined): boolean {
  if (!el) return false;
  el.focus();
  // Entering a cell and typing replaces what is there, as in a spreadsheet.
  if (el instanceof HTMLInputElement && !el.readOnly) el.select();
  return true;
}

/** Waits for a line React has yet to draw (just added), then focuses the field in that column. */
function focusLineWhenDrawn(root: Element, line: number, column: number, frames = 30): void {
  const row = root.querySelector(`[data-line="${line}"]`);
  if (row) {
    const fields = fieldsIn(row);
    focus(fields[Math.min(column, fields.length - 1)]);
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusLineWhenDrawn(root, line, column, frames - 1));
}

function lineCount(root: Element): number {
  return root.querySelectorAll(LINE).length;
}

/** A drop-down that is open takes Enter (choose) and the arrows (move in the list) for itself. */
function selectIsOpen(el: HTMLElement): boolean {
  return el.getAttribute('aria-expanded') === 'true';
}

function isDate(el: HTMLElement): boolean {
  return el.closest('.ant-picker') !== null;
}

function moveAcross(root: Element, from: HTMLElement, step: 1 | -1, addLine: () => void): void {
  const fields = fieldsIn(root);
  const at = fields.indexOf(from);
  if (at < 0) return;
  const next = fields[at + step];
  const row = from.closest(LINE);
  const lastOfLastLine = step === 1 && row !== null && Number(row.getAttribute('data-line')) === lineCount(root) - 1 && !row.contains(next ?? null);
  if (lastOfLastLine) {
    addLine();
    focusLineWhenDrawn(root, lineCount(root), 0);
    return;
  }
  focus(next);
}

function moveDown(root: Element, from: HTMLElement, step: 1 | -1, addLine: () => void): void {
  const row = from.closest(LINE);
  if (!row) return;
  const line = Number(row.getAttribute('data-line'));
  const column = fieldsIn(row).indexOf(from);
  const target = line + step;
  if (target < 0) return;
  if (target >= lineCount(root)) {
    addLine();
    focusLineWhenDrawn(root, target, column);
    return;
  }
  focusLineWhenDrawn(root, target, column, 0);
}

/** For `onKeyDownCapture` on the element around the form: runs before the fields' own handlers. */
export function handleEntryKeys(e: KeyboardEvent<HTMLElement>, options: EntryKeyOptions): void {
  const root = e.currentTarget;
  const target = e.target as HTMLElement;
  const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.stopPropagation();
    // A held key repeats: one save, one confirmation.
    if (!e.repeat) options.onSave();
    return;
  }
  if (!target.closest(FIELD) || target instanceof HTMLTextAreaElement || target.tagName === 'BUTTON') return;

  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey) {
    // Never a form submission, whatever the field.
    e.preventDefault();
    const step = e.shiftKey ? -1 : 1;
    if (selectIsOpen(target) || isDate(target)) {
      // Let the drop-down take the option (the date picker its typed date), then move on.
      setTimeout(() => moveAcross(root, target, step, options.addLine), 0);
      return;
    }
    e.stopPropagation(); // a closed drop-down would open on Enter
    moveAcross(root, target, step, options.addLine);
    return;
  }

  if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && plain && !e.shiftKey && target.closest(LINE)) {
    if (selectIsOpen(target) && !isDate(target)) return;
    e.preventDefault();
    e.stopPropagation();
    moveDown(root, target, e.key === 'ArrowDown' ? 1 : -1, options.addLine);
  }
}
