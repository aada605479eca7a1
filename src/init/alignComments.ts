// Generated YAML reads like a form: the end-of-line comments of a skeleton line up.
import { displayWidth } from '../text/displayWidth.js';

/**
 * Lines up the end-of-line comments of a generated YAML file, by display width (a CJK
 * character is two columns), so a skeleton reads like a form. Lines whose value is too long
 * keep their comment two spaces after it.
 */
export function alignComments(text: string, maxColumn = 36): string {
  const lines = text.split('\n');
  // a field line, or a commented-out optional field (`# notes: ""   # …`)
  const parts = lines.map((line) => /^(\s*(?:# )?[^#\s].*?)\s{2,}(# .*)$/.exec(line));
  const column =
    Math.min(maxColumn, Math.max(0, ...parts.map((m) => (m ? displayWidth(m[1] as string) : 0)).filter((w) => w <= maxColumn))) + 2;
  return lines
    .map((line, i) => {
      const m = parts[i];
      if (!m) return line;
      const code = m[1] as string;
      return `${code}${' '.repeat(Math.max(2, column - displayWidth(code)))}${m[2]}`;
    })
    .join('\n');
}
