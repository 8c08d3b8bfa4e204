import { NotFoundError } from '@backstage/errors';
import {
  accountRoleReachQuerySchema,
  accountRolesQuerySchema,
  awsOrganizationsAccessReadPermission,
  DEFAULT_PAGE_LIMIT,
  principalRoleReachQuerySchema,
  trustMapQuerySchema,
} from '@aws-governance/plugin-aws-organizations-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  accountRoleReach,
  accountRoles,
  principalRoleReach,
  trustMap,
  UnknownAccountRole,
  UnknownReachUnit,
  UnknownTrustMapUnit,
} from '../governance';
import { GovernanceState } from '../governance/createGovernanceState';
import { currentView, foundAccount } from './currentView';
import { teamLevelReachPrincipals } from './accessPolicy';
import { RouteAuth } from './authorize';
import {
  parseAccountId,
  parseOrThrow,
  parsePrincipalPath,
} from './governanceQueries';

const ACCESS_DENIED =
  'You may not see who has access to AWS accounts (aws-organizations.access.read)';

/**
 * The reach-through-roles routes: who reaches an account through roles,
 * an account's roles seen from outside and inside, what a team or person
 * reaches through roles, and the organization's trust map. People-level
 * answers (users, group members) need `aws-organizations.access.read`, as
 * Identity Center access does; team-level answers are for everyone signed
 * in. Input is validated (400), unknown accounts and OUs answer 404, and
 * before the first complete snapshot everything answers 503.
 *
 * @internal
 */
export function createRoleReachRouter(options: {
  auth: RouteAuth;
  state: GovernanceState;
  /** Role hops followed (`awsOrganizations.reach.maxDepth`). */
  maxDepth: number;
}): express.Router {
  const { auth, state, maxDepth } = options;
  const router = Router();

  // Groups reaching the account are team level; users and the members of
  // groups need the permission. Paged: at L an account can have thousands
  // of ways in; `fromUnit` opens the ways starting in one OU.
  router.get('/accounts/:id/role-reach', async (req, res) => {
    const credentials = await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const query = parseOrThrow(accountRoleReachQuerySchema, req.query, 'query');
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    const { index } = await currentView(state);
    try {
      const answer = accountRoleReach(index, id, maxDepth, {
        offset: query.offset ?? 0,
        limit: query.limit ?? DEFAULT_PAGE_LIMIT,
        fromUnit: query.fromUnit,
        teamLevel: mayReadAccess ? undefined : teamLevelReachPrincipals,
      });
      res.json(foundAccount(answer, id));
    } catch (error) {
      if (error instanceof UnknownReachUnit) {
        throw new NotFoundError(error.message);
      }
      throw error;
    }
  });

  // Roles, trust policies and role hops name no person. Paged: at L a
  // shared-services account's roles hop into hundreds of accounts each.
  router.get('/accounts/:id/roles', async (req, res) => {
    await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const query = parseOrThrow(accountRolesQuerySchema, req.query, 'query');
    const { index } = await currentView(state);
    try {
      const answer = accountRoles(index, id, maxDepth, {
        offset: query.offset ?? 0,
        limit: query.limit ?? DEFAULT_PAGE_LIMIT,
        list: query.list,
        role: query.role,
      });
      res.json(foundAccount(answer, id));
    } catch (error) {
      if (error instanceof UnknownAccountRole) {
        throw new NotFoundError(error.message);
      }
      throw error;
    }
  });

  router.get(
    '/principals/:kind/:namespace/:name/role-reach',
    async (req, res) => {
      const credentials = await auth.credentials(req);
      const ref = parsePrincipalPath(req.params);
      const query = parseOrThrow(
        principalRoleReachQuerySchema,
        req.query,
        'query',
      );
      // As for Identity Center access: a group's reach is team level; a
      // person's is theirs to see, anyone else's needs the permission.
      const principal = credentials.principal as { userEntityRef?: string };
      const self =
        typeof principal?.userEntityRef === 'string' &&
        principal.userEntityRef.toLocaleLowerCase('en-US') === ref;
      if (!ref.startsWith('group:') && !self) {
        await auth.require(
          credentials,
          awsOrganizationsAccessReadPermission,
          ACCESS_DENIED,
        );
      }
      const { index } = await currentView(state);
      res.json(
        principalRoleReach(index, ref, maxDepth, {
          offset: query.offset ?? 0,
          limit: query.limit ?? DEFAULT_PAGE_LIMIT,
        }),
      );
    },
  );

  router.get('/organization/trust-map', async (req, res) => {
    await auth.credentials(req);
    const query = parseOrThrow(trustMapQuerySchema, req.query, 'query');
    const { index } = await currentView(state);
    try {
      res.json(trustMap(index, query.expand ?? []));
    } catch (error) {
      if (error instanceof UnknownTrustMapUnit) {
        throw new NotFoundError(error.message);
      }
      throw error;
    }
  });

  return router;
}
