import { matchesAnyName, namePattern } from './parameters';

describe('namePattern', () => {
  it('matches any run of characters for *, case-insensitively', () => {
    expect(namePattern('*log*').test('Log Archive')).toBe(true);
    expect(namePattern('*log*').test('Audit')).toBe(false);
    expect(namePattern('Admin*').test('administrators')).toBe(true);
    expect(namePattern('Admin*').test('SuperAdmin')).toBe(false);
  });

  it('takes every other character literally', () => {
    expect(namePattern('a.b').test('a.b')).toBe(true);
    expect(namePattern('a.b').test('axb')).toBe(false);
    expect(namePattern('(ops)+').test('(ops)+')).toBe(true);
    expect(namePattern('(ops)+').test('opsops')).toBe(false);
    expect(namePattern('[x]').test('x')).toBe(false);
  });

  it('matches the whole name', () => {
    expect(namePattern('ops').test('devops')).toBe(false);
    expect(namePattern('ops').test('OPS')).toBe(true);
  });
});

describe('matchesAnyName', () => {
  it('is true when one of the patterns matches', () => {
    expect(matchesAnyName('OrganizationAccountAccessRole', ['x', 'Org*'])).toBe(
      true,
    );
    expect(matchesAnyName('workload', ['Org*', 'admin'])).toBe(false);
    expect(matchesAnyName('workload', [])).toBe(false);
  });
});
