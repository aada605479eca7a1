// Whether the XML parts of an Office file (xlsx, docx: a zip of XML) are well-formed, as Excel,
// WPS and Word demand before they open anything. saxes is the strict XML 1.0 parser exceljs
// itself reads with (it refuses U+FFFE, U+FFFF and control characters as "disallowed").
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';

/** The first well-formedness error of `xml`, or undefined. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser();
  let error: string | undefined;
  parser.on('error', (e) => void (error ??= e.message));
  parser.write(xml).close();
  return error;
}

/** "part: error" for every XML part of the zip that is not well-formed. */
export async function illFormedParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const error = xmlError(await (zip.file(name) as JSZip.JSZipObject).async('string'));
    if (error !== undefined) out.push(`${name}: ${error}`);
  }
  return out;
}
