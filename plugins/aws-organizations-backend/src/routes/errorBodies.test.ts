import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { BASE, USER } from '../__testUtils__/backend';
import { startGovernanceApi } from '../__testUtils__/governanceApi';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * Starts the plugin with NODE_ENV set as a deployment would: backend-defaults'
 * error handler decides on stack traces when it is created.
 */
async function startIn(nodeEnv: string) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const logger = mockServices.logger.mock();
    const started = await startGovernanceApi(databases, {
      features: [logger.factory],
    });
    return { ...started, logger };
  } finally {
    process.env.NODE_ENV = previous;
  }
}

describe('error bodies', () => {
  it.each(['production', 'test'])(
    'carry no stack trace outside development (NODE_ENV=%s)',
    async nodeEnv => {
      const { api } = await startIn(nodeEnv);
      const res = await api
        .get(`${BASE}/changes?limit=x`)
        .set('Authorization', USER);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        name: 'InputError',
        message: 'Invalid query: limit: must be a non-negative integer',
      });
      expect(res.text).not.toMatch(/\bat \S+ \(|\/node_modules\/|\.ts:\d+/);
    },
  );

  it('carry the stack in development only, as backend-defaults does', async () => {
    const { api } = await startIn('development');
    const res = await api
      .get(`${BASE}/changes?limit=x`)
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.stack).toMatch(/InputError/);
  });

  it.each(['production', 'development'])(
    'answer a database failure with a log id, never its SQL (NODE_ENV=%s)',
    async nodeEnv => {
      const { api, knex, logger } = await startIn(nodeEnv);
      // The change log table is gone: every query on it fails in SQLite with
      // the statement in the error message.
      await knex.schema.dropTable('aws_org_changes');
      const res = await api.get(`${BASE}/changes`).set('Authorization', USER);
      expect(res.status).toBe(500);
      expect(res.body.error.message).toMatch(
        /^Internal error \(logId=[0-9a-f]{16}\); the details are in the backend log$/,
      );
      expect(res.body.error.stack).toBeUndefined();
      expect(res.text).not.toMatch(/select|aws_org_changes|sqlite/i);
      // The log keeps what the body leaves out, under the same id.
      const logId = /logId=([0-9a-f]+)/.exec(res.body.error.message)![1];
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(`logId=${logId}`),
        expect.objectContaining({
          message: expect.stringMatching(/aws_org_changes/),
        }),
      );
      const history = await api
        .get(`${BASE}/accounts/333333333333/history`)
        .set('Authorization', USER);
      expect(history.status).toBe(500);
      expect(history.text).not.toMatch(/select|aws_org_changes|sqlite/i);
    },
  );
});
