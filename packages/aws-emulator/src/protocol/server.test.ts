import {
  DescribeOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AwsError } from './errors';
import { EmulatorServer, startEmulatorServer } from './server';

describe('startEmulatorServer', () => {
  let server: EmulatorServer;
  let client: OrganizationsClient;

  beforeAll(async () => {
    server = await startEmulatorServer({
      handle: ({ operation }) => {
        if (operation === 'DescribeOrganization') {
          return { Organization: { Id: 'o-a1b2c3d4e5', FeatureSet: 'ALL' } };
        }
        throw new AwsError('AccessDeniedException', 'denied');
      },
      admin: async ({ method, path, body }) => ({
        status: 200,
        body: { method, path, body },
      }),
    });
    client = new OrganizationsClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('answers the real SDK over HTTP', async () => {
    const out = await client.send(new DescribeOrganizationCommand({}));
    expect(out.Organization).toEqual({ Id: 'o-a1b2c3d4e5', FeatureSet: 'ALL' });
  });

  it('surfaces AWS errors as the SDK’s typed exceptions', async () => {
    await expect(client.send(new ListRootsCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: 'denied',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('rejects unknown services and malformed bodies', async () => {
    const post = (target: string, body: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: {
          'x-amz-target': target,
          'content-type': 'application/x-amz-json-1.1',
        },
        body,
      });
    const unknown = await post('Nope.ListRoots', '{}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      __type: 'UnknownOperationException',
    });
    const malformed = await post('AWSOrganizationsV20161128.ListRoots', '{');
    expect(await malformed.json()).toMatchObject({
      __type: 'SerializationException',
    });
  });

  it('routes /_emulator/ to the admin handler as plain JSON', async () => {
    const res = await fetch(`${server.url}/_emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify({ a: 1 }),
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      method: 'PUT',
      path: 'faults',
      body: { a: 1 },
    });
  });
});
