import { compareNames } from './order';

describe('compareNames', () => {
  it('orders case-insensitively, numbers by value, ties by code units', () => {
    expect(
      ['account-10', 'Beta', 'account-2', 'alpha', 'beta'].sort(compareNames),
    ).toEqual(['account-2', 'account-10', 'alpha', 'Beta', 'beta']);
  });
});
