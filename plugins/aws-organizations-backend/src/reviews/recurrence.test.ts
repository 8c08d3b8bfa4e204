import { addMonths, nextStart } from './recurrence';

describe('recurrence', () => {
  it('adds calendar months in UTC, clamping the day', () => {
    expect(addMonths(new Date('2026-01-31T09:00:00Z'), 1).toISOString()).toBe(
      '2026-02-28T09:00:00.000Z',
    );
    expect(addMonths(new Date('2028-01-31T09:00:00Z'), 1).toISOString()).toBe(
      '2028-02-29T09:00:00.000Z',
    );
    expect(addMonths(new Date('2026-11-15T00:00:00Z'), 3).toISOString()).toBe(
      '2027-02-15T00:00:00.000Z',
    );
  });

  it('starts the next cycle one interval on, skipping missed ones', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(
      nextStart(
        from,
        'quarterly',
        new Date('2026-01-02T00:00:00Z'),
      ).toISOString(),
    ).toBe('2026-04-01T00:00:00.000Z');
    // The backend was down for half a year: one start, the next due one.
    expect(
      nextStart(
        from,
        'quarterly',
        new Date('2026-08-01T00:00:00Z'),
      ).toISOString(),
    ).toBe('2026-10-01T00:00:00.000Z');
    expect(
      nextStart(
        from,
        'annually',
        new Date('2026-01-02T00:00:00Z'),
      ).toISOString(),
    ).toBe('2027-01-01T00:00:00.000Z');
  });
});
