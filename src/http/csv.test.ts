import { describe, expect, it } from 'vitest';
import { csvRow } from './csv.ts';

describe('csvRow', () => {
  it('joins plain fields with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b', 'c'])).toBe('a,b,c\r\n');
  });

  it('writes numbers as text', () => {
    expect(csvRow([1, 2.5, -3, 'x'])).toBe('1,2.5,-3,x\r\n');
  });

  it('quotes a field with a comma', () => {
    expect(csvRow(['a,b', 'c'])).toBe('"a,b",c\r\n');
  });

  it('quotes a field with a quote, doubling every quote', () => {
    expect(csvRow(['say "hi" and "bye"'])).toBe('"say ""hi"" and ""bye"""\r\n');
  });

  it('quotes fields with line breaks', () => {
    expect(csvRow(['two\nlines', 'cr\rhere', 'crlf\r\nend'])).toBe(
      '"two\nlines","cr\rhere","crlf\r\nend"\r\n',
    );
  });

  it('keeps empty fields and leaves spaces unquoted', () => {
    expect(csvRow(['', ' a ', ''])).toBe(', a ,\r\n');
  });

  it('writes an empty row as just the line end', () => {
    expect(csvRow([])).toBe('\r\n');
  });

  it('writes JSON answers so a CSV reader gets them back', () => {
    expect(csvRow(['id-1', JSON.stringify({ choices: ['a', 'b'] })])).toBe(
      'id-1,"{""choices"":[""a"",""b""]}"\r\n',
    );
  });
});
