// What a file is by its first bytes: a picture is a JPEG or a PNG by content, not by name
// (a renamed .docx is not a picture).

export type Picture = 'jpeg' | 'png';

export function pictureType(h: Uint8Array): Picture | null {
  if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (h.length >= 8 && png.every((b, i) => h[i] === b)) return 'png';
  return null;
}
