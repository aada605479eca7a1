// GB 11643-1999 resident identity numbers: 17 digits and an ISO 7064 MOD 11-2 check character.
// A wrong number usually means one mistyped digit, which the check character catches.
import { isRealDate } from '../util/dates.js';
import { localToday } from '../util/dates.js';

export type IdNumberProblem = 'length' | 'characters' | 'area' | 'birth-date' | 'check-digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

export function checkIdNumber(value: string, today: string = localToday()): IdNumberProblem | null {
  if (value.length !== 18) return 'length';
  if (!/^\d{17}[\dXx]$/.test(value)) return 'characters';
  if (value[0] === '0') return 'area';
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birth) || birth < '1900-01-01' || birth > today) return 'birth-date';
  if (idCheckChar(value) !== value[17]!.toUpperCase()) return 'check-digit';
  return null;
}
