import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { discoveryApiRef } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ProxiedSessionAuthApi } from './ProxiedSessionAuthApi';
import { demoDeveloperAuthApiRef, signInPage } from './signInPage';

/** A Backstage token whose payload says who and until when. */
function token(sub: string, exp: number) {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  return `${part({ alg: 'none' })}.${part({ sub, exp })}.sig`;
}

async function renderSignInPage(providers: string[]) {
  const Page = createExtensionTester(signInPage, {
    config: { providers: providers as any },
  }).get(SignInPageBlueprint.dataRefs.component);
  const onSignInSuccess = jest.fn();
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://backend' });
  renderInTestApp(<Page onSignInSuccess={onSignInSuccess} />, {
    config: { app: { title: 'AWS Governance Portal' } },
    apis: [
      [discoveryApiRef, discoveryApi],
      [
        demoDeveloperAuthApiRef,
        new ProxiedSessionAuthApi({ provider: 'demo-developer', discoveryApi }),
      ],
    ],
  });
  return { onSignInSuccess };
}

describe('the sign-in page', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    localStorage.clear();
  });

  it("offers the demo's two identities and signs the demo developer in through its provider's refresh", async () => {
    const identity = {
      type: 'user',
      userEntityRef: 'user:default/priya.patel',
      ownershipEntityRefs: [
        'user:default/priya.patel',
        'group:default/payments',
      ],
    };
    const fetch = jest.spyOn(global, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          profile: { displayName: 'Priya Patel' },
          backstageIdentity: {
            token: token('user:default/priya.patel', 4_102_444_800),
            identity,
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      ),
    );
    const { onSignInSuccess } = await renderSignInPage([
      'guest',
      'demo-developer',
    ]);
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Demo developer')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Sign In' }));
    const signedIn = await waitForCall(onSignInSuccess);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/auth/demo-developer/refresh',
      expect.objectContaining({ credentials: 'include' }),
    );
    await expect(signedIn.getBackstageIdentity()).resolves.toEqual(identity);
  });

  it('offers Okta only, as app-config.production.yaml configures it', async () => {
    await renderSignInPage(['okta']);
    expect(await screen.findByText('Okta')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
    expect(screen.queryByText('Demo developer')).toBeNull();
  });
});

/** The first argument of the mock's first call, once it is called. */
async function waitForCall(mock: jest.Mock) {
  await waitFor(() => expect(mock).toHaveBeenCalled());
  return mock.mock.calls[0][0];
}
