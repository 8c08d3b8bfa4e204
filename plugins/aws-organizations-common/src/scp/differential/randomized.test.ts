/**
 * Randomized differential test: seeded stacks x requests evaluated by the
 * production evaluator and by the independent reference evaluator; they
 * must agree on every case (see referenceEvaluator.ts for the semantics).
 */
import { prng } from '../bench/syntheticOrg';
import { evaluateScps } from '../evaluate';
import type { ScpLevel, ScpLevelKind } from '../types';
import { Decision, referenceEvaluate } from './referenceEvaluator';

const ACTIONS: { action: string; resourceless: boolean }[] = [
  { action: 's3:GetObject', resourceless: false },
  { action: 's3:DeleteBucket', resourceless: false },
  { action: 's3:ListAllMyBuckets', resourceless: true },
  { action: 'iam:ListRoles', resourceless: true },
  { action: 'iam:CreateUser', resourceless: false },
  { action: 'ec2:RunInstances', resourceless: false },
];
const RESOURCES: Record<string, string[]> = {
  s3: [
    'arn:aws:s3:::prod-data/k',
    'arn:aws:s3:::blue-logs',
    'arn:aws:s3:::red-x',
  ],
  iam: [
    'arn:aws:iam::111111111111:user/alice',
    'arn:aws:iam::111111111111:role/Admin',
  ],
  ec2: ['arn:aws:ec2:eu-west-1:111111111111:instance/i-1'],
};
const ACTION_PATTERNS = [
  '*',
  's3:*',
  's3:Get*',
  'iam:*',
  'iam:List*',
  'ec2:*',
  's3:ListAllMyBuckets',
  'IAM:createuser',
];
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::prod-*',
  'arn:aws:s3:::${aws:PrincipalTag/team}-*',
  "arn:aws:s3:::${aws:PrincipalTag/team, 'blue'}-logs",
  'arn:aws:s3:::*',
  'arn:aws:s3:::blue-logs',
  'arn:aws:iam::*:role/Admin',
  'arn:aws:iam::111111111111:user/alice',
  'arn:aws:iam::${aws:PrincipalAccount}:user/*',
  'arn:aws:ec2:*:*:instance/*',
];
const CONDITIONS: object[] = [
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { StringNotEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
  { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
  { StringNotEqualsIfExists: { 'aws:PrincipalTag/team': ['blue', 'red'] } },
  { StringLike: { 'aws:TagKeys': 'team' } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team', 'env*'] } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } },
  { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'team' } },
  { StringNotLike: { 'aws:RequestedRegion': ['eu-*', 'us-east-1'] } },
  { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'BLUE' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  { Null: { 'aws:PrincipalTag/team': 'true' } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-1/r-1/ou-a/*' } },
  { StringLike: { 'aws:PrincipalOrgPaths': 'o-1/r-1/*' } },
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
function some<T>(random: () => number, items: readonly T[], max: number): T[] {
  return Array.from({ length: 1 + Math.floor(random() * max) }, () =>
    pick(random, items),
  );
}

function statement(random: () => number, effect: 'Allow' | 'Deny'): object {
  const s: Record<string, unknown> = { Effect: effect };
  s[random() < 0.2 ? 'NotAction' : 'Action'] = some(random, ACTION_PATTERNS, 2);
  s[random() < 0.25 ? 'NotResource' : 'Resource'] = some(
    random,
    RESOURCE_PATTERNS,
    2,
  );
  if (random() < 0.7) {
    s.Condition = Object.assign({}, ...some(random, CONDITIONS, 2));
  }
  return s;
}

const FULL = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
};

function stack(random: () => number): object[][] {
  const depth = 2 + Math.floor(random() * 5); // root, 0-4 OUs, account
  return Array.from({ length: depth + 1 }, () => {
    const docs: object[] = [];
    if (random() < 0.8) docs.push(FULL);
    else {
      docs.push({
        Version: '2012-10-17',
        Statement: [statement(random, 'Allow'), statement(random, 'Allow')],
      });
    }
    if (random() < 0.5) {
      docs.push({
        Version: random() < 0.9 ? '2012-10-17' : '2008-10-17',
        Statement: [statement(random, 'Deny')],
      });
    }
    return docs;
  });
}

function context(random: () => number): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const maybe = (key: string, value: string | string[]) => {
    if (random() < 0.5) out[key] = value;
  };
  maybe('aws:PrincipalTag/team', pick(random, ['blue', 'red', 'BLUE', 'prod']));
  maybe('aws:ResourceTag/team', pick(random, ['blue', 'red']));
  maybe(
    'aws:TagKeys',
    pick(random, [['team'], ['team', 'env'], ['owner'], []]),
  );
  maybe(
    'aws:RequestedRegion',
    pick(random, ['eu-west-1', 'ap-south-1', 'us-east-1']),
  );
  maybe('aws:SecureTransport', pick(random, ['true', 'false']));
  maybe('aws:MultiFactorAuthPresent', pick(random, ['true', 'false']));
  maybe('aws:MultiFactorAuthAge', pick(random, ['10', '7200']));
  maybe('aws:PrincipalAccount', '111111111111');
  maybe('aws:PrincipalOrgPaths', [
    pick(random, ['o-1/r-1/ou-a/', 'o-1/r-1/ou-b/']),
  ]);
  return out;
}

function toLevels(docs: object[][]): ScpLevel[] {
  return docs.map((policies, i) => {
    let kind: ScpLevelKind = 'ou';
    if (i === 0) kind = 'root';
    else if (i === docs.length - 1) kind = 'account';
    return {
      kind,
      targetId: `${kind}-${i}`,
      name: `${kind}-${i}`,
      policies: policies.map((p, j) => ({
        id: `p-${i}-${j}-${JSON.stringify(p).length}`,
        name: `p-${i}-${j}`,
        content: JSON.stringify(p),
      })),
    };
  });
}

describe('randomized differential test against the reference evaluator', () => {
  it('agrees on 3,000 seeded stacks x requests', () => {
    const random = prng(20251201);
    const disagreements: string[] = [];
    const tally: Record<Decision, number> = {
      allowed: 0,
      denied: 0,
      indeterminate: 0,
    };
    for (let n = 0; n < 3000; n++) {
      const docs = stack(random);
      const { action, resourceless } = pick(random, ACTIONS);
      const service = action.split(':')[0];
      const resource = resourceless ? '*' : pick(random, RESOURCES[service]);
      const ctx = context(random);
      const expected = referenceEvaluate(docs, {
        action,
        resource,
        context: ctx,
        resourceless,
      });
      const actual = evaluateScps(toLevels(docs), {
        action,
        resource,
        context: ctx,
        absentKeys: true,
      }).decision;
      tally[actual]++;
      if (actual !== expected) {
        disagreements.push(
          JSON.stringify({ expected, actual, action, resource, ctx, docs }),
        );
      }
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    // Every decision kind occurs, so the test exercises all of them.
    expect(Math.min(...Object.values(tally))).toBeGreaterThan(100);
  });
});
