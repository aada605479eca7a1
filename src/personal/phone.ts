// Mainland phone numbers: an 11-digit mobile, or a landline that carries its area code.

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(?:0\d{2,3}[- ]?|\(0\d{2,3}\))\d{7,8}(?:-\d{1,6})?$/;

export function checkPhone(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}
