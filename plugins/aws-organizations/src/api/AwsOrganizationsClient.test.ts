import { AwsOrganizationsClient } from './AwsOrganizationsClient';

const discoveryApi = {
  getBaseUrl: jest.fn(async (id: string) => `http://backstage/api/${id}`),
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Service Unavailable',
    headers: { 'content-type': 'application/json' },
  });
}

describe('AwsOrganizationsClient', () => {
  it('calls the plugin through discovery and fetchApi', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(200, { status: 'ok', database: 'ok' }),
    );
    const client = new AwsOrganizationsClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      database: 'ok',
    });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('aws-organizations');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage/api/aws-organizations/health',
    );
  });

  it('throws a ResponseError carrying the status on failure', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(503, {
        error: { name: 'Error', message: 'database unreachable' },
        response: { statusCode: 503 },
      }),
    );
    const client = new AwsOrganizationsClient({
      discoveryApi,
      fetchApi: { fetch },
    });

    await expect(client.getHealth()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 503,
    });
  });
});
