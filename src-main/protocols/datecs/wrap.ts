/** Wrap free text to the register's line width (pure): at spaces when possible, hard cuts otherwise. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  let rest = text.trimEnd();
  if (rest === '') return [''];
  while (rest.length > w) {
    const cut = rest.lastIndexOf(' ', w);
    const at = cut > 0 ? cut : w;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') out.push(rest);
  return out;
}
