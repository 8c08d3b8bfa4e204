import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { accountDetail, accountEntity } from '../../__testUtils__/data';
import { mockAwsApi, renderWithApis } from '../../__testUtils__/testUtils';
import { AccountContent } from './AccountContent';

describe('AccountContent', () => {
  it('shows the account views as tabs, the overview first', async () => {
    const api = mockAwsApi({ getAccount: jest.fn(async () => accountDetail) });
    await renderWithApis(<AccountContent />, {
      api,
      entity: accountEntity,
      extraApis: [[catalogApiRef, catalogApiMock()]],
    });
    const tabs = screen.getAllByRole('tab').map(tab => tab.textContent);
    expect(tabs).toEqual([
      'Overview',
      'Guardrails',
      'Access',
      'Compliance',
      'Security',
      'History',
    ]);
    expect(await screen.findByTestId('aws-account-path')).toBeInTheDocument();
    expect(api.getAccountGuardrails).not.toHaveBeenCalled();
    expect(api.getAccountFindingCounts).not.toHaveBeenCalled();
  });
});
