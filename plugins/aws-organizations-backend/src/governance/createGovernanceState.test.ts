import { mockServices } from '@backstage/backend-test-utils';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { ComplianceReportCache } from '../compliance/reportCache';
import { ComplianceReport } from '../compliance/types';
import {
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { createGovernanceState } from './createGovernanceState';

const STORED_AT = '2026-01-02T00:00:00.000Z';

function setup(etag: string) {
  const stored = {
    snapshot: governanceSnapshot(),
    resolution: governanceResolution(),
  };
  const meta = { etag, storedAt: STORED_AT };
  const current = jest.fn(async () => ({
    meta,
    json: JSON.stringify(stored),
  }));
  const store = {
    snapshots: { currentMeta: jest.fn(async () => meta), current },
  } as unknown as AwsOrganizationsStore;
  const compliance = {
    forSnapshot: jest.fn(() => ({} as ComplianceReport)),
  } as unknown as ComplianceReportCache;
  const state = createGovernanceState({
    store,
    compliance,
    logger: mockServices.logger.mock(),
    namespace: 'default',
  });
  return { state, current };
}

describe('createGovernanceState', () => {
  it('uses the snapshot the sync offers for its ETag instead of parsing the stored one again', async () => {
    const { state, current } = setup('etag-1');
    const snapshot = governanceSnapshot();
    const resolution = governanceResolution();
    state.offer({ etag: 'etag-1', snapshot, resolution });
    const view = await state.current();
    expect(view?.snapshot).toBe(snapshot);
    expect(view?.resolution).toBe(resolution);
    expect(view?.storedAt).toBe(STORED_AT);
    expect(current).not.toHaveBeenCalled();
  });

  it('loads the stored snapshot when what was offered is another one', async () => {
    const { state, current } = setup('etag-2');
    const snapshot = governanceSnapshot();
    state.offer({
      etag: 'etag-1',
      snapshot,
      resolution: governanceResolution(),
    });
    const view = await state.current();
    expect(current).toHaveBeenCalledTimes(1);
    expect(view?.snapshot).not.toBe(snapshot);
    expect(view?.snapshot.accounts).toEqual(snapshot.accounts);
    expect(view?.etag).toBe('etag-2');
  });
});
