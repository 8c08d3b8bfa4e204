import { AwsError } from '../../protocol/errors';
import { paginate, PageMemberNames } from '../../protocol/pagination';
import { isExternalAccessType, signalsOf } from '../../state/signals';
import type { AccessAnalyzerFindingRecord } from '../../state/signalsTypes';
import { callerAccountOf, OperationContext, OperationTable } from '../types';

/** REST-JSON members of Access Analyzer are lower camel case. */
const NAMES: PageMemberNames = {
  maxResults: 'maxResults',
  nextToken: 'nextToken',
};

const ANALYZER_TYPES = [
  'ACCOUNT',
  'ORGANIZATION',
  'ACCOUNT_UNUSED_ACCESS',
  'ORGANIZATION_UNUSED_ACCESS',
  'ACCOUNT_INTERNAL_ACCESS',
  'ORGANIZATION_INTERNAL_ACCESS',
];

function ownAnalyzer(ctx: OperationContext) {
  const arn = ctx.input.string('analyzerArn');
  const analyzer = signalsOf(ctx.state).analyzers.find(
    a => a.arn === arn && a.accountId === callerAccountOf(ctx),
  );
  if (!analyzer) {
    throw new AwsError(
      'ResourceNotFoundException',
      `Analyzer ${arn} not found`,
      404,
      {
        resourceId: arn,
        resourceType: 'AWS::AccessAnalyzer::Analyzer',
      },
    );
  }
  return analyzer;
}

const FILTER_FIELDS: Record<
  string,
  (f: AccessAnalyzerFindingRecord) => string | undefined
> = {
  id: f => f.id,
  status: f => f.status,
  resource: f => f.resource,
  resourceType: f => f.resourceType,
  resourceOwnerAccount: f => f.resourceOwnerAccount,
  findingType: f => f.findingType,
  principal: f => f.principal,
  isPublic: f => (f.isPublic === undefined ? undefined : String(f.isPublic)),
};

function filterOf(ctx: OperationContext) {
  const filter = ctx.input.optionalObject('filter') ?? {};
  const checks = Object.entries(filter).map(([field, raw]) => {
    const get = FILTER_FIELDS[field];
    if (!get) {
      throw new AwsError(
        'ValidationException',
        `Invalid filter key ${field}`,
        400,
        {
          reason: 'fieldValidationFailed',
          fieldList: [{ name: 'filter', message: `unsupported key ${field}` }],
        },
      );
    }
    const c = (raw ?? {}) as {
      eq?: string[];
      neq?: string[];
      contains?: string[];
      exists?: boolean;
    };
    return (f: AccessAnalyzerFindingRecord) => {
      const v = get(f);
      return (
        (!c.eq || (v !== undefined && c.eq.includes(v))) &&
        (!c.neq || v === undefined || !c.neq.includes(v)) &&
        (!c.contains ||
          (v !== undefined && c.contains.some(s => v.includes(s)))) &&
        (c.exists === undefined || (v !== undefined) === c.exists)
      );
    };
  });
  return (f: AccessAnalyzerFindingRecord) => checks.every(check => check(f));
}

function findingsStatistics(ctx: OperationContext) {
  const analyzer = ownAnalyzer(ctx);
  const findings = signalsOf(ctx.state).accessAnalyzerFindings.filter(
    f => f.analyzerArn === analyzer.arn,
  );
  const total = (status: string) =>
    findings.filter(f => f.status === status).length;
  const active = findings.filter(f => f.status === 'ACTIVE');
  if (analyzer.type.endsWith('UNUSED_ACCESS')) {
    const byType = new Map<string, number>();
    const byAccount = new Map<string, number>();
    for (const f of active) {
      byType.set(f.findingType, (byType.get(f.findingType) ?? 0) + 1);
      byAccount.set(
        f.resourceOwnerAccount,
        (byAccount.get(f.resourceOwnerAccount) ?? 0) + 1,
      );
    }
    return {
      findingsStatistics: [
        {
          unusedAccessFindingsStatistics: {
            unusedAccessTypeStatistics: [...byType].map(
              ([unusedAccessType, count]) => ({
                unusedAccessType,
                total: count,
              }),
            ),
            // "A list of one to ten AWS accounts that have the most active findings".
            topAccounts: [...byAccount]
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, 10)
              .map(([account, numberOfActiveFindings]) => ({
                account,
                numberOfActiveFindings,
              })),
            totalActiveFindings: active.length,
            totalArchivedFindings: total('ARCHIVED'),
            totalResolvedFindings: total('RESOLVED'),
          },
        },
      ],
      lastUpdatedAt: new Date().toISOString(),
    };
  }
  const byResourceType: Record<
    string,
    {
      totalActivePublic: number;
      totalActiveCrossAccount: number;
      totalActiveErrors: number;
    }
  > = {};
  for (const f of active.filter(x => isExternalAccessType(x.findingType))) {
    const entry = (byResourceType[f.resourceType] ??= {
      totalActivePublic: 0,
      totalActiveCrossAccount: 0,
      totalActiveErrors: 0,
    });
    if (f.isPublic) entry.totalActivePublic++;
    else entry.totalActiveCrossAccount++;
  }
  return {
    findingsStatistics: [
      {
        externalAccessFindingsStatistics: {
          resourceTypeStatistics: byResourceType,
          totalActiveFindings: active.length,
          totalArchivedFindings: total('ARCHIVED'),
          totalResolvedFindings: total('RESOLVED'),
        },
      },
    ],
    lastUpdatedAt: new Date().toISOString(),
  };
}

/** IAM Access Analyzer's reads. */
export const accessAnalyzerOperations: OperationTable = {
  ListAnalyzers: ctx => {
    const type = ctx.input.optionalString('type');
    if (type !== undefined && !ANALYZER_TYPES.includes(type)) {
      throw new AwsError('ValidationException', `Invalid type ${type}`, 400, {
        reason: 'fieldValidationFailed',
      });
    }
    const region = ctx.origin?.region;
    const analyzers = signalsOf(ctx.state).analyzers.filter(
      a =>
        a.accountId === callerAccountOf(ctx) &&
        (!type || a.type === type) &&
        (!region || a.region === region),
    );
    const page = paginate(ctx, ctx.input, analyzers, { names: NAMES });
    return {
      analyzers: page.items.map(a => ({
        arn: a.arn,
        name: a.name,
        type: a.type,
        createdAt: a.createdAt.toISOString(),
        status: a.status,
      })),
      nextToken: page.nextToken,
    };
  },
  GetFindingsStatistics: findingsStatistics,
  ListFindingsV2: ctx => {
    const analyzer = ownAnalyzer(ctx);
    const match = filterOf(ctx);
    const findings = signalsOf(ctx.state)
      .accessAnalyzerFindings.filter(
        f => f.analyzerArn === analyzer.arn && match(f),
      )
      .sort(
        (a, b) =>
          b.updatedAt.getTime() - a.updatedAt.getTime() ||
          a.id.localeCompare(b.id),
      );
    const page = paginate(ctx, ctx.input, findings, { names: NAMES });
    return {
      findings: page.items.map(f => ({
        id: f.id,
        resource: f.resource,
        resourceType: f.resourceType,
        resourceOwnerAccount: f.resourceOwnerAccount,
        status: f.status,
        findingType: f.findingType,
        createdAt: f.createdAt.toISOString(),
        analyzedAt: f.updatedAt.toISOString(),
        updatedAt: f.updatedAt.toISOString(),
      })),
      nextToken: page.nextToken,
    };
  },
};
