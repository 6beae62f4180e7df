import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes fields with a comma, quote, CR or LF, doubling quotes, CRLF after each record', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines', 'cr\r'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines","cr\r"\r\n');
  });

  it('with escapeFormulae, prefixes what a spreadsheet would run as a formula, nothing else', () => {
    const formulas = ['=1+1', '+1', '-2', '@SUM(A1)', '\t=x', '\r=x'];
    const plain = ['Demo', ' =1', "'quoted", 'a=b', ''];
    const [escaped, kept] = parseCsv(toCsv([formulas, plain], { escapeFormulae: true }));
    expect(escaped).toEqual(formulas.map((formula) => `'${formula}`));
    expect(kept).toEqual(plain);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, a BOM and a last line without a break, CRLF or LF alike', () => {
    for (const end of ['\r\n', '\n']) {
      expect(parseCsv(`\uFEFFname,x${end}"a, b",1${end}"q""q",${end}last`)).toEqual([
        ['name', 'x'],
        ['a, b', '1'],
        ['q"q', ''],
        ['last'],
      ]);
    }
  });

  it('reads back whatever toCsv wrote', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { maxLength: 6 })
          // A record of one empty field is an empty line, which CSV cannot tell from nothing.
          .filter((rows) => rows.every((row) => row.length > 1 || row[0] !== '')),
        (rows) => {
          expect(parseCsv(toCsv(rows))).toEqual(rows);
        },
      ),
    );
  });
});
