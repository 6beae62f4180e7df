import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, parseCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubling quotes, CRLF after each record', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines', 'cr\r'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines","cr\r"\r\n');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, LF line ends, a BOM and a last line without a break', () => {
    expect(parseCsv('\uFEFFname,x\n"a, b",1\r\n"q""q",\nlast')).toEqual([
      ['name', 'x'],
      ['a, b', '1'],
      ['q"q', ''],
      ['last'],
    ]);
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

describe('neutralizeFormula', () => {
  it('prefixes what a spreadsheet would run as a formula, nothing else', () => {
    for (const formula of ['=1+1', '+1', '-2', '@SUM(A1)', '\t=x', '\r=x']) {
      expect(neutralizeFormula(formula)).toBe(`'${formula}`);
    }
    for (const plain of ['Demo', ' =1', "'quoted", 'a=b', '']) {
      expect(neutralizeFormula(plain)).toBe(plain);
    }
  });
});
