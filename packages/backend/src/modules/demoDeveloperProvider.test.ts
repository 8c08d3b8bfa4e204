import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { authModuleDemoDeveloperProvider } from './demoDeveloperProvider';

const PRIYA = 'user:default/priya.patel';

/** The auth backend with the demo developer provider, in `nodeEnv`. */
async function start(nodeEnv: string, withPriya: boolean) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const { server } = await startTestBackend({
      features: [
        authPlugin,
        authModuleDemoDeveloperProvider,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              providers: {
                'demo-developer': {
                  userEntityRef: PRIYA,
                  ownershipEntityRefs: [PRIYA, 'group:default/payments'],
                },
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: withPriya
            ? [
                {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'User',
                  metadata: { name: 'priya.patel', namespace: 'default' },
                  spec: { memberOf: ['payments'] },
                  relations: [
                    { type: 'memberOf', targetRef: 'group:default/payments' },
                  ],
                },
              ]
            : [],
        }),
      ],
    });
    return request(server);
  } finally {
    process.env.NODE_ENV = previous;
  }
}

const refresh = (api: Awaited<ReturnType<typeof start>>) =>
  api
    .get('/api/auth/demo-developer/refresh')
    .set('X-Requested-With', 'XMLHttpRequest');

describe('the demo developer sign-in', () => {
  afterEach(() => {
    process.env.NODE_ENV = 'test';
  });

  it.each([true, false])(
    'signs in as Priya Patel of payments in development (catalog has her: %p)',
    async withPriya => {
      const api = await start('development', withPriya);
      process.env.NODE_ENV = 'development';
      const res = await refresh(api);
      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: PRIYA,
        ownershipEntityRefs: expect.arrayContaining([
          PRIYA,
          'group:default/payments',
        ]),
      });
    },
  );

  it('refuses every sign-in outside development', async () => {
    const api = await start('production', true);
    process.env.NODE_ENV = 'production';
    const res = await refresh(api);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /works only in development \(NODE_ENV=development\)/,
    );
  });
});
