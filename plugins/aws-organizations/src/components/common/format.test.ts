import { formatCount, formatIsoDuration, pluralize } from './format';

describe('format', () => {
  it('writes every count with thousands separators, as pluralize does', () => {
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCount(7)).toBe('7');
    expect(pluralize(20000, 'account')).toBe(`${formatCount(20000)} accounts`);
  });

  it('pluralizes counts', () => {
    expect(pluralize(1, 'account')).toBe('1 account');
    expect(pluralize(0, 'account')).toBe('0 accounts');
    expect(pluralize(2_400, 'account')).toBe('2,400 accounts');
    expect(pluralize(2, 'policy', 'policies')).toBe('2 policies');
  });

  it.each([
    ['PT1H', '1 hour'],
    ['PT12H', '12 hours'],
    ['PT1H30M', '1 hour 30 minutes'],
    ['PT45M', '45 minutes'],
    ['PT0H', '0 minutes'],
    ['P1D', 'P1D'],
    ['', '—'],
    [undefined, '—'],
  ])('humanizes the session duration %p as %p', (value, text) => {
    expect(formatIsoDuration(value)).toBe(text);
  });
});
