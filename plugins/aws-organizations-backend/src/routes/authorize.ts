import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/**
 * Credentials and permission checks of the routes. Every route but /health
 * takes user or service credentials; the permission framework decides the
 * sensitive reads (service principals are allowed by the framework).
 */
export interface RouteAuth {
  credentials(req: Request): Promise<BackstageCredentials>;
  /**
   * Credentials of a file download: also the user cookie the browser sends
   * when it downloads a link itself (see {@link DOWNLOAD_PATHS}).
   */
  downloadCredentials(req: Request): Promise<BackstageCredentials>;
  /** Whether the permission is granted, without throwing. */
  isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean>;
  /** Throws a NotAllowedError (403) with `message` unless granted. */
  require(
    credentials: BackstageCredentials,
    permission: BasicPermission,
    message: string,
  ): Promise<void>;
}

/**
 * The CSV exports, which also take the Backstage user cookie (as TechDocs
 * does): the browser downloads them as links, streamed to disk, instead of
 * the page buffering the whole file. The frontend asks for the cookie
 * (`/.backstage/auth/v1/cookie`) just before.
 */
export const DOWNLOAD_PATHS = [
  '/reports/access.csv',
  '/accounts/:id/access.csv',
];

/** @internal */
export function createRouteAuth(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): RouteAuth {
  const { httpAuth, permissions } = options;
  const isAllowed = async (
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  };
  return {
    credentials: req =>
      httpAuth.credentials(req, { allow: ['user', 'service'] }),
    downloadCredentials: req =>
      httpAuth.credentials(req, {
        allow: ['user', 'service'],
        allowLimitedAccess: true,
      }),
    isAllowed,
    async require(credentials, permission, message) {
      if (!(await isAllowed(credentials, permission))) {
        throw new NotAllowedError(message);
      }
    },
  };
}
