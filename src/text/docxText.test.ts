import { describe, expect, it } from 'vitest';
import { docxText } from './docxText.js';

describe('docxText', () => {
  it('keeps the runs’ text, a line per paragraph, tabs and breaks, and decodes entities', () => {
    const xml =
      '<w:body><w:p><w:r><w:t>第二组</w:t></w:r><w:r><w:t xml:space="preserve"> 活动总结</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>A &amp; B &lt;C&gt;</w:t><w:tab/><w:t>&#x4E00;</w:t><w:br/><w:t>end</w:t></w:r></w:p></w:body>';
    expect(docxText(xml)).toBe('第二组 活动总结\nA & B <C>\t一\nend\n');
  });

  it('a document of empty paragraphs has no text', () => {
    expect(docxText('<w:body><w:p/><w:p></w:p></w:body>').trim()).toBe('');
  });
});
