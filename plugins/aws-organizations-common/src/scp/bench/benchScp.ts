/*
 * SCP evaluator benchmark:
 *
 *   yarn bench:scp [passes]
 *
 * Builds a synthetic organization (5,000 accounts, 600 OUs up to depth 5,
 * 250 SCPs, at most 5 per target; deterministic), then evaluates a mix of
 * what-if requests for every account: a cold pass (effective levels and
 * policy compilation included) and warm passes. Prints evaluations per
 * second of wall time and per CPU-second of this process (steadier on a
 * shared machine), and the decision mix.
 */
import { compilePolicy } from '../compile';
import { effectivePolicies } from '../effective';
import { evaluateScps } from '../evaluate';
import type { ScpDecisionKind, ScpRequest } from '../types';
import { buildSyntheticOrg, LARGE_ORG } from './syntheticOrg';

const REQUESTS: Omit<ScpRequest, 'accountId'>[] = [
  {
    action: 'iam:CreateUser',
    region: 'us-east-1',
    context: { 'aws:PrincipalArn': 'arn:aws:iam::1:role/Dev' },
  },
  {
    action: 'ec2:RunInstances',
    region: 'ap-south-1',
    context: { 'aws:PrincipalArn': 'arn:aws:iam::1:role/Dev' },
  },
  {
    action: 'ec2:RunInstances',
    region: 'eu-west-1',
    resource: 'arn:aws:ec2:eu-west-1:1:instance/i-1',
    context: {
      'aws:PrincipalArn': 'arn:aws:iam::1:role/Dev',
      'aws:TagKeys': ['team', 'env'],
    },
    absentKeys: true,
  },
  {
    action: 'cloudtrail:StopLogging',
    region: 'eu-west-1',
    context: { 'aws:PrincipalArn': 'arn:aws:iam::1:role/OrgSecurity' },
  },
  { action: 's3:CreateBucket', region: 'eu-central-1' },
  {
    action: 'kms:DeleteKey',
    region: 'eu-west-1',
    context: {
      'aws:PrincipalArn': 'arn:aws:iam::1:role/BreakGlass',
      'aws:SecureTransport': true,
      'aws:PrincipalTag/team': 'app',
    },
  },
];

function rate(count: number, ms: number): string {
  return Math.round(count / (ms / 1000)).toLocaleString('en-US');
}

function main(): void {
  const passes = Number(process.argv[2] ?? 5);
  let t = performance.now();
  const snapshot = buildSyntheticOrg(LARGE_ORG, 42);
  const buildMs = performance.now() - t;
  const depth = Math.max(
    ...snapshot.organizationalUnits.map(u => u.path.length),
  );
  const perTarget = new Map<string, number>();
  for (const p of snapshot.policies) {
    for (const target of p.targets) {
      perTarget.set(target.targetId, (perTarget.get(target.targetId) ?? 0) + 1);
    }
  }
  const accountIds = snapshot.accounts.map(a => a.id);

  t = performance.now();
  for (const p of snapshot.policies) compilePolicy({ ...p });
  const compileMs = performance.now() - t;

  const counts: Record<ScpDecisionKind, number> = {
    allowed: 0,
    denied: 0,
    indeterminate: 0,
  };
  const pass = (count: boolean) => {
    for (const accountId of accountIds) {
      for (const request of REQUESTS) {
        const r = evaluateScps(snapshot, { ...request, accountId });
        if (count) counts[r.decision]++;
      }
    }
  };
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  t = performance.now();
  let cpu = process.cpuUsage();
  pass(true);
  const coldMs = performance.now() - t;
  const coldCpuMs = cpuMs(cpu);
  t = performance.now();
  cpu = process.cpuUsage();
  for (let i = 0; i < passes; i++) pass(false);
  const warmMs = performance.now() - t;
  const warmCpuMs = cpuMs(cpu);
  const perPass = accountIds.length * REQUESTS.length;

  t = performance.now();
  for (const accountId of accountIds) effectivePolicies(snapshot, accountId);
  const levelsMs = performance.now() - t;

  const lines = [
    `organization: ${snapshot.accounts.length} accounts, ${
      snapshot.organizationalUnits.length
    } OUs (max depth ${depth}), ${
      snapshot.policies.length
    } SCPs, max ${Math.max(
      ...perTarget.values(),
    )} per target (built in ${buildMs.toFixed(0)} ms)`,
    `compile all policies (parse + wildcard RegExps): ${compileMs.toFixed(
      1,
    )} ms`,
    `cold pass (effective levels + evaluation): ${perPass} evaluations in ${coldMs.toFixed(
      0,
    )} ms = ${rate(perPass, coldMs)} evaluations/s (CPU ${coldCpuMs.toFixed(
      0,
    )} ms = ${rate(perPass, coldCpuMs)} per CPU-second)`,
    `warm: ${passes} passes, ${
      perPass * passes
    } evaluations in ${warmMs.toFixed(0)} ms = ${rate(
      perPass * passes,
      warmMs,
    )} evaluations/s (CPU ${warmCpuMs.toFixed(0)} ms = ${rate(
      perPass * passes,
      warmCpuMs,
    )} per CPU-second)`,
    `effective levels lookup (cached) for all accounts: ${levelsMs.toFixed(
      1,
    )} ms`,
    `decisions per pass: ${counts.allowed} allowed, ${counts.denied} denied, ${counts.indeterminate} indeterminate`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
