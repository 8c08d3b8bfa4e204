import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  awsOrganizationsComplianceExtensionPoint,
  ComplianceRuleCollector,
} from './extensionPoint';
import { AwsComplianceRule } from './types';

const rule = (id: string, title = id): AwsComplianceRule => ({
  id,
  title,
  severity: 'low',
  rationale: 'r',
  remediation: 'm',
  level: 'organization',
  defaultParameters: {},
  evaluate: () => ({ status: 'pass', message: 'ok' }),
});

/** A stand-in for the backend plugin: registers the point, reads the rules. */
function hostPlugin(collector: ComplianceRuleCollector, seen: string[][]) {
  return createBackendPlugin({
    pluginId: 'aws-organizations',
    register(env) {
      env.registerExtensionPoint(
        awsOrganizationsComplianceExtensionPoint,
        collector,
      );
      env.registerInit({
        deps: {},
        async init() {
          seen.push(collector.rules().map(r => r.id));
        },
      });
    },
  });
}

const moduleAdding = (moduleId: string, rules: AwsComplianceRule[]) =>
  createBackendModule({
    pluginId: 'aws-organizations',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { compliance: awsOrganizationsComplianceExtensionPoint },
        async init({ compliance }) {
          compliance.addRules(...rules);
        },
      });
    },
  });

describe('awsOrganizationsComplianceExtensionPoint', () => {
  it('lets a backend module add rules after the built-in ones', async () => {
    const seen: string[][] = [];
    const collector = new ComplianceRuleCollector([rule('built-in')]);
    const backend = await startTestBackend({
      features: [
        hostPlugin(collector, seen),
        moduleAdding('team-rules', [rule('team-tags'), rule('cost-center')]),
      ],
    });
    expect(seen).toEqual([['built-in', 'team-tags', 'cost-center']]);
    await backend.stop();
  });

  it('stops the backend when a module reuses a rule id', async () => {
    const collector = new ComplianceRuleCollector([rule('owner', 'Owner')]);
    await expect(
      startTestBackend({
        features: [
          hostPlugin(collector, []),
          moduleAdding('clash', [rule('owner', 'My owner rule')]),
        ],
      }),
    ).rejects.toThrow(
      'Duplicate AWS Organizations compliance rule id "owner": a built-in rule ("Owner") already uses it; give "My owner rule" another id',
    );
  });
});

describe('ComplianceRuleCollector', () => {
  it('rejects duplicates among added rules and ids that are not kebab-case', () => {
    const collector = new ComplianceRuleCollector();
    collector.addRules(rule('a-rule'));
    expect(() => collector.addRules(rule('a-rule', 'Again'))).toThrow(
      /a rule added earlier \("a-rule"\) already uses it/,
    );
    expect(() => collector.addRules(rule('Not Kebab'))).toThrow(
      /Invalid AWS Organizations compliance rule id "Not Kebab"/,
    );
    expect(collector.rules().map(r => r.id)).toEqual(['a-rule']);
  });
});
