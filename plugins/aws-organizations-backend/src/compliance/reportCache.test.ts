import { SnapshotResolution } from '@aws-governance/plugin-aws-organizations-common';
import { baseSnapshot } from '../__testUtils__/snapshots';
import { createComplianceReportCache } from './reportCache';
import { ComplianceEngine, ComplianceReport } from './types';

function countingEngine() {
  let evaluations = 0;
  const engine: ComplianceEngine = {
    rules: () => [],
    evaluate: () => {
      evaluations += 1;
      return {
        evaluatedAt: `t${evaluations}`,
        rules: [],
        accounts: new Map(),
        accountSummaries: new Map(),
        organization: [],
      };
    },
  };
  return { engine, count: () => evaluations };
}

const resolution = {} as SnapshotResolution;

describe('createComplianceReportCache', () => {
  it('evaluates a snapshot once per etag and keeps the last two', () => {
    const { engine, count } = countingEngine();
    const cache = createComplianceReportCache(engine);
    const s = baseSnapshot();
    const a = cache.forSnapshot('a', s, resolution);
    expect(cache.forSnapshot('a', s, resolution)).toBe(a);
    expect(count()).toBe(1);

    const b: ComplianceReport = cache.evaluate(s, resolution);
    expect(count()).toBe(2);
    cache.remember('b', b);
    expect(cache.forSnapshot('b', s, resolution)).toBe(b);
    expect(cache.forSnapshot('a', s, resolution)).toBe(a);
    expect(count()).toBe(2);

    cache.forSnapshot('c', s, resolution);
    expect(count()).toBe(3);
    // 'b' was used least recently: evicted; 'a' and 'c' remain.
    cache.forSnapshot('a', s, resolution);
    expect(count()).toBe(3);
    cache.forSnapshot('b', s, resolution);
    expect(count()).toBe(4);
  });
});
