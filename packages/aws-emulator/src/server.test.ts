import {
  DescribeOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AwsError, EmulatorServer, startEmulatorServer } from './server';

describe('startEmulatorServer', () => {
  let server: EmulatorServer;
  let client: OrganizationsClient;

  beforeAll(async () => {
    server = await startEmulatorServer({
      handlers: {
        organizations: {
          DescribeOrganization: () => ({
            Organization: {
              Id: 'o-a1b2c3d4e5',
              Arn: 'arn:aws:organizations::481516234200:organization/o-a1b2c3d4e5',
              FeatureSet: 'ALL',
              MasterAccountId: '481516234200',
            },
          }),
          ListRoots: () => {
            throw new AwsError(
              'AccessDeniedException',
              'You don\u2019t have permissions to access this resource.',
            );
          },
        },
      },
    });
    client = new OrganizationsClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('answers the real SDK over HTTP', async () => {
    const out = await client.send(new DescribeOrganizationCommand({}));
    expect(out.Organization).toEqual({
      Id: 'o-a1b2c3d4e5',
      Arn: 'arn:aws:organizations::481516234200:organization/o-a1b2c3d4e5',
      FeatureSet: 'ALL',
      MasterAccountId: '481516234200',
    });
  });

  it('surfaces AWS errors as the SDK\u2019s typed exceptions', async () => {
    await expect(client.send(new ListRootsCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('rejects operations it does not know', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AWSOrganizationsV20161128.CreateAccount',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      __type: 'UnknownOperationException',
    });
  });
});
