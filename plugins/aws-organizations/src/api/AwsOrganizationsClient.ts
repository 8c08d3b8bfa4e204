import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AwsOrganizationsApi,
  AwsOrganizationsHealth,
} from './AwsOrganizationsApi';

/**
 * The default {@link AwsOrganizationsApi}: resolves the backend through the
 * discovery API and calls it with the signed-in user's credentials
 * (fetchApi). Errors carry the backend's message (ResponseError).
 *
 * @public
 */
export class AwsOrganizationsClient implements AwsOrganizationsApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<AwsOrganizationsHealth> {
    return this.#get<AwsOrganizationsHealth>('/health');
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('aws-organizations');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
