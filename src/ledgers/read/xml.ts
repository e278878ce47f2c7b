// Just enough XML for the parts of a workbook: the prefix a writer gave the spreadsheet namespace (most write none,
// .NET's Open XML SDK writes `x:`), attributes of one start tag, elements of a small part, entities and the
// `_xHHHH_` escapes of Office strings.

/** The namespace prefix of the part's root element, with its colon ('' when none). */
export function rootPrefix(text: string): string {
  let i = 0;
  for (;;) {
    i = text.indexOf('<', i);
    if (i < 0) return '';
    const c = text.charCodeAt(i + 1);
    if (c !== 63 /* ? */ && c !== 33 /* ! */) break;
    i++;
  }
  let j = i + 1;
  while (j < text.length && !/[\s/>]/.test(text[j]!)) j++;
  const name = text.slice(i + 1, j);
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

/** The value of attribute `name` (any prefix) in a start tag's text, entities decoded. */
export function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|[\\s:])${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

/** The start tags of every `<prefix:local …>` element in a small part, in order. */
export function* startTags(text: string, prefix: string, local: string): Generator<string> {
  const open = `<${prefix}${local}`;
  let i = 0;
  for (;;) {
    i = text.indexOf(open, i);
    if (i < 0) return;
    const after = text.charCodeAt(i + open.length);
    const end = text.indexOf('>', i);
    if (end < 0) return;
    if (after === 32 || after === 9 || after === 10 || after === 13 || after === 47 || after === 62) yield text.slice(i + open.length, end);
    i = end;
  }
}

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const OFFICE_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text of a cell or shared string: XML entities, then Office's `_x000D_` escapes (`_x005F_` is a literal `_`). */
export function decodeText(s: string): string {
  const t = decodeXml(s);
  if (t.indexOf('_x') < 0) return t;
  return t.replace(OFFICE_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The concatenated `<t>` runs of a string item (`<si>`, `<is>`), leaving out phonetic runs (`<rPh>`). */
export function runText(item: string, prefix: string): string {
  const tOpen = `<${prefix}t`;
  const tClose = `</${prefix}t>`;
  const phOpen = `<${prefix}rPh`;
  const phClose = `</${prefix}rPh>`;
  let out = '';
  let i = 0;
  let ph = item.indexOf(phOpen);
  for (;;) {
    const t = item.indexOf(tOpen, i);
    if (t < 0) break;
    const after = item.charCodeAt(t + tOpen.length);
    if (after !== 62 && after !== 32 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      i = t + 1;
      continue;
    }
    if (ph >= 0 && ph < t) {
      const end = item.indexOf(phClose, ph);
      i = end < 0 ? item.length : end + phClose.length;
      ph = item.indexOf(phOpen, i);
      continue;
    }
    const gt = item.indexOf('>', t);
    if (gt < 0) break;
    if (item.charCodeAt(gt - 1) === 47) {
      i = gt + 1;
      continue;
    }
    const end = item.indexOf(tClose, gt);
    if (end < 0) break;
    out += item.slice(gt + 1, end);
    i = end + tClose.length;
  }
  return decodeText(out);
}
