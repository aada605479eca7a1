// The five styles the terminal outputs use, as plain ANSI escapes: on when the stream is a
// terminal (or FORCE_COLOR), off with --no-color or NO_COLOR. A library for five escapes cost
// more start-up time (~7 ms) than any command spends colouring.
export type Paint = (text: string) => string;

export interface Colors {
  red: Paint;
  yellow: Paint;
  green: Paint;
  bold: Paint;
  dim: Paint;
}

const plain: Paint = (text) => text;

/** `open` and `close` around the text; a close inside it (nested styles) reopens this style after it. */
function style(open: number, close: number): Paint {
  const on = `\u001b[${open}m`;
  const off = `\u001b[${close}m`;
  return (text) => (text === '' ? '' : on + text.split(off).join(off + on) + off);
}

const PLAIN: Colors = { red: plain, yellow: plain, green: plain, bold: plain, dim: plain };
const ANSI: Colors = { red: style(31, 39), yellow: style(33, 39), green: style(32, 39), bold: style(1, 22), dim: style(2, 22) };

export function colors(enabled: boolean): Colors {
  return enabled ? ANSI : PLAIN;
}
