import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@aws-governance/plugin-aws-organizations-backend',
  'migrations',
);

/**
 * Opens the plugin's database and brings its schema up to date, unless the
 * deployment manages migrations itself (`backend.database.skipMigrations`).
 */
export async function openDatabase(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({
      directory: migrationsDir,
      tableName: 'aws_org_knex_migrations',
    });
  }
  return client;
}
