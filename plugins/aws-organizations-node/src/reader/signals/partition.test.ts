import { partitionAccounts } from './partition';

/** Account ids as AWS makes them: 12 digits, spread evenly. */
function ids(n: number) {
  const result: string[] = [];
  let x = 7;
  const digit = () => {
    x = (x * 48271) % 2147483647;
    return String(x % 10);
  };
  for (let i = 0; i < n; i++) {
    result.push(Array.from({ length: 12 }, digit).join(''));
  }
  return result;
}

describe('partitionAccounts', () => {
  it('needs no filter up to the limit', () => {
    expect(partitionAccounts(ids(400), 400)).toEqual([
      { prefixes: [], size: 400 },
    ]);
  });

  it('covers every account once, at most the limit per partition, at 5,000 accounts', () => {
    const accounts = ids(5000);
    const partitions = partitionAccounts(accounts, 400);
    for (const p of partitions) {
      expect(p.size).toBeLessThanOrEqual(400);
      expect(p.prefixes.length).toBeLessThanOrEqual(10);
    }
    for (const id of new Set(accounts)) {
      const matching = partitions.filter(p =>
        p.prefixes.some(prefix => id.startsWith(prefix)),
      );
      expect(matching).toHaveLength(1);
    }
    expect(partitions.reduce((n, p) => n + p.size, 0)).toBe(
      new Set(accounts).size,
    );
    // A few more partitions than 5,000 / 400, not one per prefix.
    expect(partitions.length).toBeLessThanOrEqual(20);
  });
});
