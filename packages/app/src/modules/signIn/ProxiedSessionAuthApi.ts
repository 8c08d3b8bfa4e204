import {
  BackstageIdentityApi,
  BackstageIdentityResponse,
  DiscoveryApi,
  ProfileInfo,
  ProfileInfoApi,
  SessionApi,
  SessionState,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Observable } from '@backstage/types';

/** What a proxy-style auth provider's `/refresh` answers. */
interface ProxiedSession {
  profile: ProfileInfo;
  backstageIdentity: {
    token: string;
    identity: BackstageIdentityResponse['identity'];
  };
}

/** A Backstage token is renewed a minute before it expires. */
const RENEW_BEFORE_MS = 60_000;

function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(
      window.atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')),
    );
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/**
 * The session of a proxy-style auth provider of the auth backend (the kind
 * the guest provider is): `GET /api/auth/<provider>/refresh` signs in and
 * answers the Backstage token, with no redirect or popup. Used by the
 * sign-in page for the demo's development-only identities.
 */
export class ProxiedSessionAuthApi
  implements ProfileInfoApi, BackstageIdentityApi, SessionApi
{
  readonly #provider: string;
  readonly #discoveryApi: DiscoveryApi;
  #session?: { value: ProxiedSession; expiresAt: number };

  constructor(options: { provider: string; discoveryApi: DiscoveryApi }) {
    this.#provider = options.provider;
    this.#discoveryApi = options.discoveryApi;
  }

  async #current(): Promise<ProxiedSession> {
    if (this.#session && Date.now() < this.#session.expiresAt) {
      return this.#session.value;
    }
    const baseUrl = await this.#discoveryApi.getBaseUrl('auth');
    const response = await fetch(`${baseUrl}/${this.#provider}/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'include',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const value: ProxiedSession = await response.json();
    this.#session = {
      value,
      expiresAt: expiryOf(value.backstageIdentity.token) - RENEW_BEFORE_MS,
    };
    return value;
  }

  async getBackstageIdentity(): Promise<BackstageIdentityResponse> {
    const { backstageIdentity } = await this.#current();
    return {
      token: backstageIdentity.token,
      identity: backstageIdentity.identity,
    };
  }

  async getProfile(): Promise<ProfileInfo> {
    return (await this.#current()).profile;
  }

  async signIn(): Promise<void> {
    await this.#current();
  }

  async signOut(): Promise<void> {
    this.#session = undefined;
  }

  sessionState$(): Observable<SessionState> {
    const state = this.#session
      ? SessionState.SignedIn
      : SessionState.SignedOut;
    const observable: Observable<SessionState> = {
      [Symbol.observable]: () => observable,
      subscribe: (observer?: any) => {
        const next = typeof observer === 'function' ? observer : observer?.next;
        next?.(state);
        return { closed: true, unsubscribe: () => {} };
      },
    };
    return observable;
  }
}
