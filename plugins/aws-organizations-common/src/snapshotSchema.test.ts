import { SnapshotEnvelope } from './api';
import { testSnapshot } from './scp/__testUtils__/snapshot';
import {
  describeSchemaIssues,
  snapshotEnvelopeSchema,
  storedSnapshotSchema,
} from './snapshotSchema';

function envelope(): SnapshotEnvelope {
  return {
    etag: 'etag-1',
    storedAt: '2026-11-27T12:00:00.000Z',
    snapshot: testSnapshot(),
    resolution: {
      accountOwners: {
        '111111111111': {
          source: 'default',
          resolvable: true,
          ref: 'group:default/platform',
        },
      },
      unitOwners: {},
      principals: {
        g1: {
          type: 'GROUP',
          id: 'g1',
          name: 'Admins',
          ref: 'group:default/admins',
        },
      },
      unmappedPrincipals: [],
    },
  };
}

function issuesOf(value: unknown): string {
  const parsed = snapshotEnvelopeSchema.safeParse(value);
  if (parsed.success) {
    throw new Error('expected the envelope to be rejected');
  }
  return describeSchemaIssues(parsed.error);
}

describe('snapshotEnvelopeSchema', () => {
  it('accepts an envelope and keeps fields it does not know', () => {
    const value = envelope();
    (value.snapshot as unknown as Record<string, unknown>).addedLater = {
      x: 1,
    };
    const parsed = snapshotEnvelopeSchema.parse(value);
    expect(parsed).toEqual(value);
    expect(
      (parsed.snapshot as unknown as Record<string, unknown>).addedLater,
    ).toEqual({ x: 1 });
  });

  it('names an unsupported schema version', () => {
    expect(issuesOf({ ...envelope(), snapshot: { schemaVersion: 2 } })).toMatch(
      /^snapshot\.schemaVersion: unsupported snapshot schemaVersion 2/,
    );
  });

  it('names the path of what is wrong deep inside', () => {
    const value = envelope();
    (value.snapshot.accounts[0] as { state: string }).state = 'GONE';
    expect(issuesOf(value)).toMatch(/^snapshot\.accounts\.0\.state: /);
  });

  it('rejects a body without a resolution and a body that is no object', () => {
    const { resolution: _, ...withoutResolution } = envelope();
    expect(issuesOf(withoutResolution)).toMatch(/^resolution: /);
    expect(issuesOf('html')).toMatch(/expected object/);
  });

  it('lists at most five issues and counts the rest', () => {
    expect(
      issuesOf({ snapshot: { schemaVersion: 1 }, resolution: {} }),
    ).toMatch(/^etag: (.*; ){4}.*\(and \d+ more\)$/);
  });

  it('validates the stored pair without etag', () => {
    const { snapshot, resolution } = envelope();
    expect(storedSnapshotSchema.parse({ snapshot, resolution })).toEqual({
      snapshot,
      resolution,
    });
  });
});
