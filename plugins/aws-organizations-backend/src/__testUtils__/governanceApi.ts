import { TestDatabases } from '@backstage/backend-test-utils';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import request from 'supertest';
import { readAwsOrganizationsConfig } from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { encodeSnapshotBody } from '../store/SnapshotStore';
import { resolveSnapshot } from '../resolution/resolveSnapshot';
import { EMPTY_DIRECTORY } from '../resolution/types';
import { denyUsersPermissions, startPlugin } from './backend';
import { baseSnapshot, permissionSet } from './snapshots';

export const ADMIN_ARN = 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin';

/** The base snapshot, with Admin privileged and held directly by bob. */
export function governanceSnapshot(): OrganizationSnapshot {
  const s = baseSnapshot();
  if (s.identityCenter.status !== 'available') throw new Error('fixture');
  s.identityCenter.permissionSets = [
    permissionSet('Admin', {
      managedPolicies: [
        {
          arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          name: 'AdministratorAccess',
        },
      ],
    }),
    permissionSet('ReadOnly'),
  ];
  s.identityCenter.assignments.push({
    accountId: '333333333333',
    permissionSetArn: ADMIN_ARN,
    principalType: 'USER',
    principalId: 'u-bob',
  });
  return s;
}

/**
 * The plugin on a fresh SQLite database holding {@link governanceSnapshot}
 * (unless `stored: false`) and two history entries of payments-prod; with
 * `denyUsers` people lack every permission, services keep them.
 */
export async function startGovernanceApi(
  databases: TestDatabases,
  options: {
    denyUsers?: boolean;
    stored?: boolean;
    config?: JsonObject;
    features?: BackendFeature[];
    /** Changes the stored snapshot (e.g. adds RCPs). */
    transform?: (snapshot: OrganizationSnapshot) => OrganizationSnapshot;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const { server } = await startPlugin({
    knex,
    config: options.config,
    features: [
      ...(options.denyUsers ? [denyUsersPermissions()] : []),
      ...(options.features ?? []),
    ],
  });
  const store = new AwsOrganizationsStore(knex);
  if (options.stored !== false) {
    const s = (options.transform ?? (x => x))(governanceSnapshot());
    const resolution = resolveSnapshot(
      s,
      readAwsOrganizationsConfig(new ConfigReader({ awsOrganizations: {} })),
      EMPTY_DIRECTORY,
    );
    const runId = await store.runs.start('manual', new Date());
    await store.db.transaction(async trx => {
      await store.snapshots.replace(trx, {
        runId,
        encoded: await encodeSnapshotBody(
          JSON.stringify({ snapshot: s, resolution }),
        ),
        readAt: new Date(s.readAt),
        storedAt: new Date(),
        unmappedPrincipals: [],
      });
      await store.changes.append(trx, {
        runId,
        detectedAt: new Date('2026-02-01T00:00:00Z'),
        changes: [
          {
            kind: 'assignment.granted',
            accountId: '333333333333',
            subjectId: ADMIN_ARN,
            summary: 'bob got Admin',
          },
          {
            kind: 'account.moved',
            accountId: '333333333333',
            subjectId: '333333333333',
            summary: 'payments-prod moved',
          },
        ],
      });
    });
    await store.runs.finish(
      runId,
      { status: 'succeeded', errors: [], warnings: [] },
      new Date(),
    );
  }
  return { api: request(server), store, knex };
}
