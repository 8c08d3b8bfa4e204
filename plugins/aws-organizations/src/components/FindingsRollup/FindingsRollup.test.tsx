import { screen, within } from '@testing-library/react';
import { findingsRollup, severities } from '../../__testUtils__/findingsData';
import { mockAwsApi, renderWithApis } from '../../__testUtils__/testUtils';
import { worstFindingsUnits } from '@aws-governance/plugin-aws-organizations-common';
import { FindingsRollupCard } from './FindingsRollup';

describe('FindingsRollupCard', () => {
  it('shows the organization total and the OUs worst first, with their paths', async () => {
    const api = mockAwsApi({
      getFindingsRollup: jest.fn(async () => findingsRollup),
    });
    await renderWithApis(<FindingsRollupCard />, { api });
    const card = await screen.findByTestId('aws-findings-by-ou');
    // Only the rows it shows: the root, the 10 worst OUs, their ancestors.
    expect(api.getFindingsRollup).toHaveBeenCalledWith({ worst: 10 });
    const rows = within(card).getAllByTestId('aws-findings-unit');
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringMatching(/^The whole organization5 active in 4 accounts/),
      expect.stringMatching(/^Prod3 active in 2 accounts1 critical, 2 high/),
      expect.stringMatching(/^Prod \/ Prod-US3 active in 1 account/),
      expect.stringMatching(
        /^Sandbox2 active in 1 of 2 accounts you may see2 low/,
      ),
    ]);
    // The denied trail: said, not counted as zero.
    expect(
      within(card).getByTestId('aws-source-not-connected'),
    ).toHaveTextContent(
      'Organization trail (CloudTrail): Not connected (access denied)',
    );
  });

  it('says when the detectors are not configured', async () => {
    const api = mockAwsApi({
      getFindingsRollup: jest.fn(async () => ({
        ...findingsRollup,
        configured: false,
      })),
    });
    await renderWithApis(<FindingsRollupCard />, { api });
    expect(
      await screen.findByTestId('aws-signals-not-configured'),
    ).toBeInTheDocument();
  });
});

describe('worstFindingsUnits', () => {
  it('leaves out the root and units without findings', () => {
    expect(
      worstFindingsUnits(findingsRollup.units, 10).map(u => u.name),
    ).toEqual(['Prod', 'Prod-US', 'Sandbox']);
    expect(
      worstFindingsUnits(
        [
          { ...findingsRollup.units[1], total: severities({ LOW: 9 }) },
          { ...findingsRollup.units[3], total: severities({ HIGH: 1 }) },
        ],
        10,
      ).map(u => u.name),
    ).toEqual(['Sandbox', 'Prod']);
    expect(
      worstFindingsUnits(findingsRollup.units, 2).map(u => u.name),
    ).toEqual(['Prod', 'Prod-US']);
  });
});
