// Cells → records, on hand-made cells: what spreadsheets do to values is undone or reported at
// the cell, columns are matched by key wherever they moved, and every value has a place.
import { describe, expect, it } from 'vitest';
import type { RawCell, RawSheet, RawWorkbook } from './readWorkbook.js';
import { localize } from '../messages/diagnostic.js';
import { workbookRecords } from './workbookRecords.js';

/** A sheet with the layout's keys in the given column order (undefined: a column the user added). */
function sheet(key: string, name: string, columns: (string | undefined)[], rows: RawCell[][], start = 4): RawSheet {
  return {
    name,
    keys: columns.map((c) => (c === undefined ? null : `${key}/${c}`)),
    headers: columns.map((c) => c ?? '备注2'),
    headerRow: 3,
    rows: rows.map((cells, i) => ({ row: start + i, cells })),
  };
}

const book = (...sheets: RawSheet[]): RawWorkbook => ({ meta: {}, sheets });

describe('workbookRecords', () => {
  it('reads a visit row into the data a YAML file yields: labels to codes, lists split at 、，, and dates from serials or text', () => {
    const s = sheet(
      'visit',
      '活动台账',
      ['id', 'date', 'place', 'pattern', 'methods', 'led_by', 'participants', 'also'],
      [
        ['v1', 41744, '南湖社区', '结对认亲', '座谈会、入户走访', '王海燕', '王海燕，孙立新, 周敏', null],
        [null, null, null, null, null, null, null, null],
        ['v2', '2014/4/22', 123, 'grassroots', 'Home visit', '王海燕', '王海燕', '送温暖'],
        ['v3', '2014年5月9日', 'x', '下基层', '座谈会', '王海燕', '王海燕', null],
        ['v4', new Date(Date.UTC(2014, 4, 10)), 'x', '下基层', '座谈会', '王海燕', '王海燕', null],
      ],
    );
    const { records, diagnostics } = workbookRecords(book(s), 'g2.xlsx');
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([4, 6, 7, 8]);
    expect(records[0]!.data).toEqual({
      kind: 'visit',
      id: 'v1',
      date: '2014-04-15',
      place: '南湖社区',
      pattern: 'pairing',
      methods: ['symposium', 'home-visit'],
      led_by: '王海燕',
      participants: ['王海燕', '孙立新', '周敏'],
    });
    expect(records[1]!.data).toMatchObject({
      date: '2014-04-22',
      place: '123',
      pattern: 'grassroots',
      methods: ['home-visit'],
      also: ['send-warmth'],
    });
    expect(records.slice(2).map((r) => r.data.date)).toEqual(['2014-05-09', '2014-05-10']);
  });

  it('matches columns by their keys wherever they moved; a column the user added is a warning at its header, not read', () => {
    const s = sheet('visit', '活动台账', ['place', undefined, 'id', 'date'], [['南湖社区', '自己加的', 'v1', '2014-04-15']]);
    const { records, diagnostics } = workbookRecords(book(s), 'g2.xlsx');
    expect(records[0]!.data).toEqual({ kind: 'visit', place: '南湖社区', id: 'v1', date: '2014-04-15' });
    expect(diagnostics.map((d) => `${d.code} ${d.sheet}!${d.cell}`)).toEqual(['extra-column 活动台账!B3']);
  });

  it('an 18-digit ID number stored as a number lost digits: an error at its cell naming whose number (never the number), and the value left out', () => {
    const s = sheet(
      'appeal',
      '民生诉求登记卡',
      ['id', 'appellant.name', 'appellant.id_number', 'appellant.phone'],
      [
        ['a1', '林国强', Number('410182196202128568'), 13800138000],
        ['a2', '孙丽', '410182196202128568', 37166705379],
      ],
    );
    const { records, diagnostics } = workbookRecords(book(s), 'g2.xlsx');
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.sheet}!${d.cell} ${d.message}`)).toEqual([
      'lost-digits error 民生诉求登记卡!C4 appellant.id_number was stored as a number and lost its last digits (a spreadsheet keeps 15): format the cell as text and type it again',
      'lost-digits error 民生诉求登记卡!D5 appellant.phone was stored as a number and lost its leading 0: format the cell as text and type it again with the area code',
    ]);
    for (const d of diagnostics) expect(d.message).not.toMatch(/\d{4}|\*/);
    expect(diagnostics.map((d) => localize(d, 'zh-CN').split('被')[0])).toEqual(['诉求人的身份证号码', '诉求人的联系电话']);
    expect(records[0]!.data.appellant).toEqual({ name: '林国强', phone: '13800138000' });
    expect(records[1]!.data.appellant).toEqual({ name: '孙丽', id_number: '410182196202128568' });
  });

  it('counts and yes/no typed as text are read as numbers and booleans; other text is left for the checker', () => {
    const audiences = sheet(
      'visit.audiences',
      '活动台账-听取对象',
      ['@parent', 'kind', 'count'],
      [
        ['v1', '群众', '12'],
        ['v1', 'masses', '十二'],
      ],
    );
    const visits = sheet('visit', '活动台账', ['id'], [['v1']]);
    const opinions = sheet(
      'opinion',
      '下基层听意见台账',
      ['id', 'rectification.feedback'],
      [
        ['o1', '是'],
        ['o2', false],
        ['o3', '也许'],
      ],
    );
    const { records } = workbookRecords(book(visits, audiences, opinions), 'g2.xlsx');
    expect(records[0]!.data.audiences).toEqual([
      { kind: 'masses', count: 12 },
      { kind: 'masses', count: '十二' },
    ]);
    expect(records.slice(1).map((r) => (r.data.rectification as { feedback: unknown }).feedback)).toEqual([true, false, '也许']);
  });

  it('rows of a part sheet join their parent by id; an unknown or missing parent is an error at the first column', () => {
    const visits = sheet('visit', '活动台账', ['id'], [['v1'], [null]]);
    const parts = sheet(
      'visit.audiences',
      '活动台账-听取对象',
      ['@parent', 'kind', 'count'],
      [
        ['v1', '群众', 3],
        ['v9', '群众', 3],
        [null, '群众', 3],
      ],
    );
    const { records, diagnostics } = workbookRecords(book(visits, parts), 'g2.xlsx');
    expect(records).toHaveLength(1);
    expect(diagnostics.map((d) => `${d.code} ${d.sheet}!${d.cell}`)).toEqual([
      'unknown-parent 活动台账-听取对象!A5',
      'unknown-parent 活动台账-听取对象!A6',
    ]);
  });

  it('places any value of a record at its cell: flattened fields, list items, part items, and a missing field at its empty cell', () => {
    const opinions = sheet(
      'opinion',
      '下基层听意见台账',
      ['id', 'date', 'source.kind', 'rectification.due'],
      [['o1', '2014-04-15', '群众', null]],
      12,
    );
    const visits = sheet('visit', '活动台账', ['id', 'methods'], [['v1', '座谈会、入户走访']]);
    const parts = sheet(
      'visit.audiences',
      '活动台账-听取对象',
      ['@parent', 'kind', 'count'],
      [
        ['v1', '群众', 3],
        ['v1', '群众', 4],
      ],
    );
    const { records } = workbookRecords(book(opinions, visits, parts), 'g2.xlsx');
    const [o, v] = records as [(typeof records)[0], (typeof records)[0]];
    expect(o.place(['source', 'kind'])).toEqual({ line: 12, column: 3, sheet: '下基层听意见台账', cell: 'C12' });
    expect(o.place([], 'value', ['rectification', 'due']).cell).toBe('D12');
    expect(o.place(['rectification']).cell).toBe('D12');
    expect(o.place(['content']).cell).toBe('A12');
    expect(v.place(['methods', 1]).cell).toBe('B4');
    expect(v.place(['audiences', 1, 'count'])).toMatchObject({ sheet: '活动台账-听取对象', cell: 'C5' });
    expect(v.place(['audiences', 0])).toMatchObject({ sheet: '活动台账-听取对象', cell: 'A4' });
  });

  it('a key this version does not know is an error at its header', () => {
    const s = sheet('visit', '活动台账', ['id', 'weather'], [['v1', 'sunny']]);
    const { diagnostics, unmapped } = workbookRecords(book(s), 'g2.xlsx');
    expect(unmapped).toBe(1);
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.cell}`)).toEqual(['template-column error B3']);
  });
});
