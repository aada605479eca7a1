// The five styles the terminal outputs use, from chalk: on when the stream is a terminal (or
// FORCE_COLOR), off with --no-color or NO_COLOR. The decision is the runtime's (it knows which
// stream is written to); chalk only paints, at the level it is given.
import { Chalk } from 'chalk';

export type Paint = (text: string) => string;

export interface Colors {
  red: Paint;
  yellow: Paint;
  green: Paint;
  bold: Paint;
  dim: Paint;
}

const PLAIN = new Chalk({ level: 0 });
const ANSI = new Chalk({ level: 1 });

export function colors(enabled: boolean): Colors {
  return enabled ? ANSI : PLAIN;
}
