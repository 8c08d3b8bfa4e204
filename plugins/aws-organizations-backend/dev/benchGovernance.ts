/*
 * Measures the governance views on an L-sized organization: the synthetic
 * 5,000-account, 600-OU, 250-SCP organization of the SCP benchmark, with
 * Identity Center at the store benchmark's scale (60 permission sets,
 * 60,000 assignments, 30,000 users, 3,000 groups, 100,000 memberships) and
 * a compliance report with a status per account.
 *
 *   yarn sucrase-node plugins/aws-organizations-backend/dev/benchGovernance.ts
 */
import {
  ComplianceStatus,
  ComplianceSummary,
  OrganizationSnapshot,
  snapshotIndexesBuilt,
} from '@aws-governance/plugin-aws-organizations-common';
import { rule } from '../src/__testUtils__/governance';
import { ComplianceReport } from '../src/compliance/types';
import {
  builtInComplianceRules,
  createComplianceEngine,
} from '../src/compliance';
import {
  accessReportCsv,
  accessReportCsvChunks,
  accountAccess,
  accountGuardrails,
  buildGovernanceIndex,
  complianceSummary,
  listAccounts,
  organizationTree,
  principalAccess,
  simulate,
} from '../src/governance';
import { asStored, largeBenchOrg, minAndMedian } from './benchGovernanceData';

/** A report with one result per account and a spread of statuses. */
function syntheticReport(s: OrganizationSnapshot): ComplianceReport {
  const statuses: ComplianceStatus[] = ['pass', 'pass', 'fail', 'warn'];
  const r = rule('owner-set');
  const accounts = new Map();
  const accountSummaries = new Map<string, ComplianceSummary>();
  s.accounts.forEach((a, i) => {
    const status = statuses[i % statuses.length];
    accounts.set(a.id, [{ rule: r, status, message: status, evidence: [] }]);
    const counts = { pass: 0, fail: 0, warn: 0, unknown: 0 };
    counts[status] = 1;
    accountSummaries.set(a.id, {
      status,
      counts,
      failingRules: status === 'fail' ? [r.id] : [],
    });
  });
  return {
    evaluatedAt: new Date().toISOString(),
    rules: [r],
    accounts,
    accountSummaries,
    organization: [],
  };
}

/** Runs `fn` once to warm up, then `runs` times; prints min and median. */
function time<T>(label: string, fn: () => T, runs = 5): T {
  let result = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const { min, median } = minAndMedian(samples);
  const format = (ms: number) => ms.toFixed(ms < 10 ? 2 : 0);
  console.log(
    `${label.padEnd(44)} min ${format(min)} ms, median ${format(median)} ms`,
  );
  return result;
}

function main() {
  const { snapshot, resolution } = asStored(
    largeBenchOrg({ catalogRefs: true }),
  );
  const report = syntheticReport(snapshot);
  const ic = snapshot.identityCenter as { assignments: unknown[] };
  console.log(
    `${snapshot.accounts.length} accounts, ${snapshot.organizationalUnits.length} OUs, ${snapshot.policies.length} SCPs, ${ic.assignments.length} assignments`,
  );

  const indexesBefore = snapshotIndexesBuilt();
  const index = time('buildGovernanceIndex', () =>
    buildGovernanceIndex(snapshot, resolution),
  );
  const engine = createComplianceEngine({ rules: builtInComplianceRules });
  const real = time(
    'compliance: evaluate the 10 built-in rules on every account',
    () => engine.evaluate(snapshot, resolution),
    3,
  );
  console.log(
    `snapshot indexes built for the governance views and the compliance engine: ${
      snapshotIndexesBuilt() - indexesBefore
    }`,
  );
  console.log(
    `compliance: ${real.accounts.size} accounts, ${[
      ...real.accounts.values(),
    ].reduce((n, r) => n + r.length, 0)} results`,
  );
  time(
    "listAccounts q='account-12' (page of 50)",
    () => listAccounts(index, report, { q: 'account-12', limit: 50 }),
    20,
  );
  const someOu = snapshot.organizationalUnits[0].id;
  time(
    'listAccounts ou + owner + status',
    () =>
      listAccounts(index, report, {
        ou: someOu,
        owner: 'group:default/team-1',
        compliance: 'fail',
      }),
    20,
  );
  time(
    'listAccounts, no filter, page 50',
    () => listAccounts(index, report),
    20,
  );
  time('organizationTree', () => organizationTree(index, report), 10);
  time('complianceSummary', () => complianceSummary(index, report), 10);
  const deep = snapshot.accounts.reduce((a, b) =>
    b.path.length > a.path.length ? b : a,
  );
  time(
    'accountGuardrails (deepest account)',
    () => accountGuardrails(index, deep.id),
    10,
  );
  time(
    'simulate (deepest account)',
    () => simulate(index, { accountId: deep.id, action: 'iam:CreateUser' }),
    10,
  );
  time('accountAccess', () => accountAccess(index, deep.id), 10);
  time(
    'principalAccess (user in groups)',
    () => principalAccess(index, 'user:default/user0'),
    10,
  );
  time(
    'accessReportCsvChunks (all chunks, as bytes)',
    () => {
      let bytes = 0;
      for (const chunk of accessReportCsvChunks(index)) {
        bytes += Buffer.byteLength(chunk);
      }
      return bytes;
    },
    3,
  );
  const csv = time(
    'accessReportCsv (one string)',
    () => accessReportCsv(index),
    3,
  );
  const rows = csv.split('\r\n').length - 2;
  console.log(
    `access report: ${rows} rows, ${(csv.length / 1e6).toFixed(1)} MB`,
  );
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(`heap used ${heap.toFixed(0)} MB`);
}

main();
