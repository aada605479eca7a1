// The words of a Word file, read back from its XML: one paragraph per line (table cells are
// paragraphs too), entities decoded.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';

export async function docxParagraphs(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
