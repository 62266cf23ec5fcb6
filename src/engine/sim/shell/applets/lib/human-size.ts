// make_human_readable_str: sizes as ls -h and du -h print them ("1.5K", "12M").

/** make_human_readable_str(size, 1, 0). */
export function humanSize(size: number, fraction = 1): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let v = size;
  let u = 0;
  let frac = 0;
  while (v >= 1024 && u < units.length - 1) {
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024);
    v = Math.floor(v / 1024);
    u++;
  }
  if (u === 0) return String(size);
  if (frac >= 10) {
    v++;
    frac = 0;
  }
  if (!fraction) return `${v + (frac >= 5 ? 1 : 0)}${units[u]}`;
  return `${v}.${frac}${units[u]}`;
}
