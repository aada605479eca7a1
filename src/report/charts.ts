// SVG bar charts for the html report: plain shapes and text, no script, so the file stays
// self-contained and prints the same in any browser. Pure: bars in, markup out.
import { displayWidth } from '../text/displayWidth.js';

export interface Bar {
  label: string;
  value: number;
  /** Drawn in the accent colour (e.g. the four winds). */
  accent?: boolean;
}

export interface Segment {
  label: string;
  value: number;
  color: string;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const FONT = `font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"`;
const PX_PER_COLUMN = 6.6;

/** Horizontal bars, one per row, with the value at the bar's end. */
export function barChart(bars: readonly Bar[], options: { title: string; width?: number }): string {
  const width = options.width ?? 640;
  const row = 24;
  const top = 30;
  const labelWidth = Math.min(260, Math.max(60, ...bars.map((b) => displayWidth(b.label) * PX_PER_COLUMN + 12)));
  const plot = width - labelWidth - 50;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = top + bars.length * row + 8;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(options.title)}" ${FONT} font-size="12">`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = top + i * row;
    const w = Math.round((b.value / max) * plot);
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeXml(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="16" fill="${b.accent ? '#b3261e' : '#3b6ea5'}"/>`,
      `<text x="${labelWidth + w + 5}" y="${y + 15}">${b.value}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** One stacked bar (shares of a whole) with a legend under it. */
export function stackedBar(segments: readonly Segment[], options: { title: string; width?: number }): string {
  const width = options.width ?? 640;
  const total = segments.reduce((s, x) => s + x.value, 0);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 96" width="100%" role="img" aria-label="${escapeXml(options.title)}" ${FONT} font-size="12">`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  let x = 0;
  if (total === 0) parts.push(`<rect x="0" y="28" width="${width}" height="24" fill="#ddd"/>`);
  for (const s of segments) {
    const w = total === 0 ? 0 : (s.value / total) * width;
    if (w > 0) parts.push(`<rect x="${x.toFixed(1)}" y="28" width="${w.toFixed(1)}" height="24" fill="${s.color}"/>`);
    x += w;
  }
  let lx = 0;
  for (const s of segments) {
    const text = `${s.label} ${s.value}`;
    parts.push(
      `<rect x="${lx}" y="68" width="12" height="12" fill="${s.color}"/>`,
      `<text x="${lx + 16}" y="79">${escapeXml(text)}</text>`,
    );
    lx += 16 + displayWidth(text) * PX_PER_COLUMN + 18;
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The same bars as text for Markdown and Word: a row of blocks scaled to the largest value. */
export function textBar(value: number, max: number, columns = 16): string {
  if (value <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((value / max) * columns)));
}
