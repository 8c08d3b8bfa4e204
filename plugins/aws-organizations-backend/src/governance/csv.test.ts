import { csvCell, csvLines, escapeFormula } from './csv';

const csvLine = (value: string) => csvLines([[value]]).slice(0, -2);

describe('escapeFormula', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=b', 'a=b'],
    ['', ''],
    ['plain', 'plain'],
  ])('%j -> %j', (value, expected) => {
    expect(escapeFormula(value)).toBe(expected);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    [' spaced ', ' spaced '],
    ['=cmd|"/c calc"!A1', `"'=cmd|""/c calc""!A1"`],
    ['-2,5', `"'-2,5"`],
  ])('%j -> %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
    expect(csvLine(value)).toBe(expected);
  });

  it('joins cells with commas and ends every line with CRLF', () => {
    expect(
      csvLines([
        ['a', 'b,c', '@x'],
        ['', 'd'],
      ]),
    ).toBe(`a,"b,c",'@x\r\n,d\r\n`);
    expect(csvLines([])).toBe('');
  });
});
