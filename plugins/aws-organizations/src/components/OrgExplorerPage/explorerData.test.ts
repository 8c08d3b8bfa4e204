import { complianceSummary, tree } from '../../__testUtils__/data';
import { mockAwsApi } from '../../__testUtils__/testUtils';
import { explorerData } from './explorerData';

function api() {
  return mockAwsApi({
    getOrganizationTree: jest.fn(async () => tree),
    getComplianceSummary: jest.fn(async () => complianceSummary),
    listAccounts: jest.fn(async () => ({
      items: [],
      totalCount: 0,
      offset: 0,
      limit: 20,
    })),
  });
}

describe('explorerData', () => {
  it('sends the three first requests at once, with what the explorer shows first', () => {
    const mock = api();
    explorerData(mock, 'etag-1');
    expect(mock.getOrganizationTree).toHaveBeenCalledWith({
      depth: 2,
      accounts: false,
    });
    expect(mock.getComplianceSummary).toHaveBeenCalledTimes(1);
    expect(mock.listAccounts).toHaveBeenCalledWith({ offset: 0, limit: 20 });
  });

  it('asks once per snapshot and again for a new one', async () => {
    const mock = api();
    const first = explorerData(mock, 'etag-1');
    expect(explorerData(mock, 'etag-1')).toBe(first);
    await expect(first.tree).resolves.toBe(tree);
    expect(mock.getOrganizationTree).toHaveBeenCalledTimes(1);
    expect(explorerData(mock, 'etag-2')).not.toBe(first);
    expect(mock.getOrganizationTree).toHaveBeenCalledTimes(2);
    // Another API instance (another app) has its own.
    const other = api();
    explorerData(other, 'etag-2');
    expect(other.getOrganizationTree).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failure, for the next explorer opened', async () => {
    const mock = api();
    mock.getComplianceSummary.mockRejectedValueOnce(new Error('503'));
    const failed = explorerData(mock, 'etag-1');
    await expect(failed.summary).rejects.toThrow('503');
    const again = explorerData(mock, 'etag-1');
    expect(again).not.toBe(failed);
    await expect(again.summary).resolves.toBe(complianceSummary);
  });
});
