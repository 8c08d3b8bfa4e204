/**
 * Randomized differential test of the combined answer: seeded principals
 * (member, management, outside the organization, service principal,
 * service-linked role) x resource accounts x SCP and RCP stacks x requests,
 * evaluated by `evaluateScpsAndRcps` and by a reference built here from the
 * independent reference evaluator (../../scp/differential) and the rules
 * of combinedCases.ts, written out again without the production code.
 */
import { prng } from '../../scp/bench/syntheticOrg';
import {
  Decision,
  referenceEvaluate,
} from '../../scp/differential/referenceEvaluator';
import { evaluateScpsAndRcps } from '../evaluate';
import type { RequestPrincipal } from '../types';
import { accountOf, ORG, RCP_FULL, SCP_FULL, sides, Where } from './sides';

/** The services of the generated actions RCPs govern (AWS's list). */
const GOVERNED = new Set(['s3', 'sqs', 'kms', 'sts', 'secretsmanager']);
const ACTIONS = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::prod-data/k' },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::blue-logs/x' },
  { action: 's3:ListAllMyBuckets', resource: '*', resourceless: true },
  { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:ACCT:q' },
  { action: 'kms:Decrypt', resource: 'arn:aws:kms:eu-west-1:ACCT:key/k-1' },
  { action: 'kms:RetireGrant', resource: 'arn:aws:kms:eu-west-1:ACCT:key/k' },
  { action: 'sts:AssumeRole', resource: 'arn:aws:iam::ACCT:role/Deploy' },
  {
    action: 'ec2:TerminateInstances',
    resource: 'arn:aws:ec2:eu-west-1:ACCT:instance/i-1',
  },
  { action: 'iam:CreateUser', resource: 'arn:aws:iam::ACCT:user/x' },
];
const ACTION_PATTERNS = [
  '*',
  's3:*',
  's3:Get*',
  'kms:*',
  'sqs:*',
  'sts:*',
  'iam:*',
  'ec2:*',
];
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::prod-*',
  'arn:aws:kms:*:*:key/*',
  'arn:aws:sqs:*:*:*',
  'arn:aws:iam::*:role/*',
];
const CONDITIONS: object[] = [
  { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } },
  { StringNotEquals: { 'aws:PrincipalOrgID': ORG } },
  { BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
  { Bool: { 'aws:PrincipalIsAWSService': 'true' } },
  { BoolIfExists: { 'aws:SecureTransport': 'false' } },
  { StringNotEqualsIfExists: { 'aws:SourceAccount': '111111111111' } },
  { Null: { 'aws:SourceAccount': 'false' } },
  { StringEquals: { 'aws:ResourceOrgID': ORG } },
  { StringNotEquals: { 'aws:PrincipalAccount': '${aws:ResourceAccount}' } },
  { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG}/r-test/*` } },
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
];

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
const some = <T>(random: () => number, items: readonly T[], max: number) =>
  Array.from({ length: 1 + Math.floor(random() * max) }, () =>
    pick(random, items),
  );

function statement(random: () => number, withPrincipal: boolean) {
  const s: Record<string, unknown> = { Effect: 'Deny' };
  if (withPrincipal) s.Principal = '*';
  // RCPs do not support NotAction (orgs_manage_policies_rcps_syntax).
  const not = !withPrincipal && random() < 0.2;
  s[not ? 'NotAction' : 'Action'] = some(random, ACTION_PATTERNS, 2);
  s.Resource = some(random, RESOURCE_PATTERNS, 2);
  if (random() < 0.6) {
    s.Condition = Object.assign({}, ...some(random, CONDITIONS, 2));
  }
  return s;
}

/** Root, 0-2 OUs, account; the full-access policy first at each level. */
function stack(random: () => number, full: object, rcp: boolean) {
  const depth = 2 + Math.floor(random() * 3);
  return Array.from({ length: depth }, () =>
    random() < 0.6
      ? [
          full,
          {
            Version: '2012-10-17',
            Statement: [statement(random, rcp)],
          },
        ]
      : [full],
  );
}

type Kind = 'member' | 'management' | 'outside' | 'service' | 'slr';

function principalOf(kind: Kind): RequestPrincipal {
  if (kind === 'service') {
    return { type: 'service', servicePrincipal: 'cloudtrail.amazonaws.com' };
  }
  if (kind === 'slr') {
    return {
      type: 'iam',
      accountId: accountOf('member'),
      serviceLinkedRole: true,
    };
  }
  return { type: 'iam', accountId: accountOf(kind) };
}

type Ctx = Record<string, string | string[]>;
const merge = (...records: Ctx[]): Ctx => {
  const out: Ctx = {};
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) if (!(k in out)) out[k] = v;
  }
  return out;
};

/** The reference answer, written from the documented rules. */
function reference(c: {
  kind: Kind;
  resourceWhere: Where | undefined;
  scpDocs: object[][];
  rcpDocs: object[][];
  action: string;
  resource: string;
  resourceless: boolean;
  keyManager: 'AWS' | 'CUSTOMER' | undefined;
  ctx: Ctx;
}): Decision {
  const inOrg =
    c.kind === 'member' || c.kind === 'management' || c.kind === 'slr';
  const principalAccount = accountOf(
    c.kind === 'slr' ? 'member' : (c.kind as Where),
  );
  const principalKeys: Ctx =
    c.kind === 'service'
      ? {
          'aws:PrincipalIsAWSService': 'true',
          'aws:PrincipalServiceName': 'cloudtrail.amazonaws.com',
        }
      : {
          'aws:PrincipalIsAWSService': 'false',
          'aws:PrincipalAccount': principalAccount,
        };
  const orgKeys: Ctx = inOrg
    ? {
        'aws:PrincipalAccount': principalAccount,
        'aws:PrincipalOrgID': ORG,
        'aws:PrincipalOrgPaths': [`${ORG}/r-test/ou-a/`],
      }
    : {};
  const resourceInOrg =
    c.resourceWhere === 'member' || c.resourceWhere === 'management';
  const resourceKeys: Ctx = resourceInOrg
    ? {
        'aws:ResourceAccount': accountOf(c.resourceWhere as Where),
        'aws:ResourceOrgID': ORG,
        'aws:ResourceOrgPaths': [`${ORG}/r-test/ou-a/`],
      }
    : {};
  const request = (present: Ctx) => ({
    action: c.action,
    resource: c.resource,
    resourceless: c.resourceless,
    context: present,
  });
  // SCPs: IAM principals of member accounts, not service-linked roles.
  const scp: Decision | undefined =
    c.kind === 'member'
      ? referenceEvaluate(
          c.scpDocs,
          request(merge(c.ctx, principalKeys, resourceKeys, orgKeys)),
        )
      : undefined;
  const service = c.action.split(':')[0];
  let rcp: Decision | undefined;
  const exempt =
    !GOVERNED.has(service) ||
    c.kind === 'slr' ||
    c.action === 'kms:RetireGrant' ||
    (service === 'kms' && c.keyManager === 'AWS');
  if (exempt) rcp = undefined;
  else if (c.resourceless) rcp = 'indeterminate';
  else if (c.resourceWhere === undefined) rcp = 'indeterminate';
  else if (c.resourceWhere === 'member') {
    rcp = referenceEvaluate(
      c.rcpDocs,
      request(merge(c.ctx, orgKeys, principalKeys, resourceKeys)),
    );
    if (service === 'kms' && c.keyManager !== 'CUSTOMER' && rcp !== 'allowed') {
      rcp = 'indeterminate';
    }
  }
  const layers = [scp, rcp].filter((d): d is Decision => d !== undefined);
  if (layers.includes('denied')) return 'denied';
  if (layers.includes('indeterminate')) return 'indeterminate';
  return 'allowed';
}

function context(random: () => number): Ctx {
  const out: Ctx = {};
  const maybe = (key: string, value: string | string[]) => {
    if (random() < 0.5) out[key] = value;
  };
  maybe('aws:SecureTransport', pick(random, ['true', 'false']));
  maybe('aws:SourceAccount', pick(random, ['111111111111', '222233334444']));
  maybe('aws:PrincipalTag/team', pick(random, ['blue', 'red']));
  if (random() < 0.1) out['aws:PrincipalOrgID'] = 'o-other';
  return out;
}

describe('randomized differential test of SCPs and RCPs combined', () => {
  it('agrees with the reference on 5,000 seeded cases', () => {
    const random = prng(20261202);
    const disagreements: string[] = [];
    const byLayer = { scp: 0, rcp: 0 };
    const tally: Record<Decision, number> = {
      allowed: 0,
      denied: 0,
      indeterminate: 0,
    };
    const kinds: Kind[] = ['member', 'management', 'outside', 'service', 'slr'];
    const wheres: (Where | undefined)[] = [
      'member',
      'management',
      'outside',
      undefined,
    ];
    for (let n = 0; n < 5000; n++) {
      const kind = pick(random, kinds);
      const resourceWhere = pick(random, wheres);
      const scpDocs = stack(random, SCP_FULL, false);
      const rcpDocs = stack(random, RCP_FULL, true);
      const a = pick(random, ACTIONS);
      const resourceless = a.resourceless === true;
      const resource = a.resource.replace(
        'ACCT',
        accountOf(resourceWhere ?? 'member'),
      );
      const keyManager = pick(random, ['AWS', 'CUSTOMER', undefined] as const);
      const ctx = context(random);
      const expected = reference({
        kind,
        resourceWhere,
        scpDocs,
        rcpDocs,
        action: a.action,
        resource,
        resourceless,
        keyManager,
        ctx,
      });
      const principalWhere: Where =
        kind === 'member' || kind === 'management' ? kind : 'outside';
      const both = sides(
        kind === 'slr' ? 'member' : principalWhere,
        scpDocs,
        resourceWhere ?? 'member',
        rcpDocs,
      );
      const answer = evaluateScpsAndRcps(
        resourceWhere === undefined
          ? { principal: both.principal, resource: undefined as never }
          : both,
        {
          action: a.action,
          resource,
          kmsKeyManager: keyManager,
          principal: principalOf(kind),
          context: ctx,
          absentKeys: true,
        },
      );
      const actual = answer.decision;
      for (const layer of answer.decidedBy) {
        if (actual === 'denied') byLayer[layer]++;
      }
      tally[actual]++;
      if (actual !== expected) {
        disagreements.push(
          JSON.stringify({
            expected,
            actual,
            kind,
            resourceWhere,
            a,
            keyManager,
            ctx,
            scpDocs,
            rcpDocs,
          }),
        );
      }
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    // Every decision kind occurs, and each layer denies on its own.
    expect(Math.min(...Object.values(tally))).toBeGreaterThan(150);
    expect(Math.min(byLayer.scp, byLayer.rcp)).toBeGreaterThan(50);
  });
});
