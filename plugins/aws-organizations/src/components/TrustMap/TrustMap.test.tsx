import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { trustMap } from '../../__testUtils__/roleReachData';
import { mockAwsApi, renderWithApis } from '../../__testUtils__/testUtils';
import { TrustMap } from './TrustMap';

describe('TrustMap', () => {
  it('shows the OU-level edges, outside principals highlighted', async () => {
    const api = mockAwsApi({ getTrustMap: jest.fn(async () => trustMap) });
    await renderWithApis(<TrustMap />, { api });
    expect(api.getTrustMap).toHaveBeenCalledWith({ expand: [] });
    const map = screen.getByTestId('aws-trust-map');
    const external = within(map).getByTestId('aws-trust-map-external');
    expect(external).toHaveTextContent('Outside the organization');
    expect(external.closest('tr')).toHaveTextContent(
      '3 statements: 2 with external id',
    );
    expect(
      within(map).getByText('Shared (2 accounts)').closest('tr'),
    ).toHaveTextContent('12');
  });

  it('expands an OU on demand and collapses it again', async () => {
    const api = mockAwsApi({ getTrustMap: jest.fn(async () => trustMap) });
    await renderWithApis(<TrustMap />, { api });
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Expand Shared' })[0],
    );
    await waitFor(() =>
      expect(api.getTrustMap).toHaveBeenLastCalledWith({
        expand: ['ou-shared'],
      }),
    );
    const chips = await screen.findByTestId('aws-trust-map-expanded');
    fireEvent.click(within(chips).getByText('ou-shared').nextSibling!);
    await waitFor(() =>
      expect(api.getTrustMap).toHaveBeenLastCalledWith({ expand: [] }),
    );
  });

  it('says when no roles source is configured', async () => {
    const api = mockAwsApi({
      getTrustMap: jest.fn(async () => ({
        ...trustMap,
        status: 'not-configured' as const,
        edges: [],
      })),
    });
    await renderWithApis(<TrustMap />, { api });
    expect(screen.getByTestId('aws-trust-map')).toHaveTextContent(
      'No roles source is configured',
    );
  });
});
