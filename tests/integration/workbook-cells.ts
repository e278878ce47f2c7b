// Every cell of every sheet of an .xlsx as its XML says it, not as a library reading it would tidy it up: the
// sheet's name, the cell's reference, its text (shared, inline or cached) and its formula if it has one.
import JSZip from 'jszip';

export interface XmlCell {
  sheet: string;
  ref: string;
  /** The text a spreadsheet shows, or the number as written. */
  text: string;
  /** The cell's `<f>` element, when it has one: a formula the spreadsheet will run. */
  formula: string | null;
}

const unescape = (s: string) =>
  s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of an `<si>` or `<is>`: its `<t>` runs joined (rich text has several). */
const runs = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => unescape(m[1] ?? '')).join('');

export async function xlsxCells(data: Uint8Array): Promise<XmlCell[]> {
  const zip = await JSZip.loadAsync(data);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runs(m[1]!));
  const rels = new Map(
    [...(await read('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])![1]!,
      /Target="([^"]+)"/.exec(m[0])![1]!,
    ]),
  );
  const cells: XmlCell[] = [];
  for (const m of (await read('xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)) {
    const sheet = unescape(/name="([^"]*)"/.exec(m[0])![1]!);
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])![1]!)!.replace(/^\/?(xl\/)?/, '');
    const xml = await read(`xl/${target}`);
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const inner = c[2] ?? '';
      const ref = /\br="([^"]+)"/.exec(attrs)?.[1] ?? '?';
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
      const f = /<f\b[^>]*\/>|<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const text = type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? runs(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '') : unescape(v ?? '');
      cells.push({ sheet, ref, text, formula: f ? unescape(f[1] ?? '') : null });
    }
  }
  return cells;
}
