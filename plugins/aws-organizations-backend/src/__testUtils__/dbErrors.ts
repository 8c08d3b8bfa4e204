/**
 * A database error, matched by its message (`rejects.toMatchObject`).
 *
 * Not `rejects.toThrow`: better-sqlite3's native addon is loaded once per
 * Jest worker and keeps the SqliteError class of the first test file that
 * loaded it, so in every later file of that worker its errors are not
 * `instanceof Error` of the file's realm, and `toThrow` reports a statement
 * the database refused as "did not throw". Which files share a worker
 * varies from run to run: such a test passes alone and fails now and then
 * in the whole suite.
 */
export function databaseError(message: RegExp) {
  return { message: expect.stringMatching(message) };
}
