import { findingHistory, severities } from '../../__testUtils__/findingsData';
import { trendBars } from './FindingsTrend';

describe('trendBars', () => {
  it('keeps the last known counts of an origin a sync did not read', () => {
    const bars = trendBars(findingHistory.points);
    expect(bars.map(b => b.total)).toEqual([
      severities({ CRITICAL: 1 }),
      // Security Hub not read: its critical stays, Access Analyzer's high adds.
      severities({ CRITICAL: 1, HIGH: 1 }),
      severities({ CRITICAL: 1, HIGH: 2 }),
    ]);
    expect(bars.map(b => b.carried)).toEqual([false, true, false]);
  });

  it('drops to zero only when a read origin says zero', () => {
    const bars = trendBars([
      findingHistory.points[0],
      {
        readAt: '2026-01-11T00:00:00.000Z',
        byOrigin: { 'security-hub': severities() },
        total: severities(),
      },
    ]);
    expect(bars[1]).toEqual({
      readAt: '2026-01-11T00:00:00.000Z',
      total: severities(),
      carried: false,
    });
  });
});
