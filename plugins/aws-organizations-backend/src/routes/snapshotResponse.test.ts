import { gzipSync } from 'node:zlib';
import { StoredSnapshotBody } from '../store/SnapshotStore';
import { envelopeChunks } from './snapshotResponse';

const meta = {
  etag: 'abc',
  storedAt: '2026-01-02T03:04:05.000Z',
  readAt: '2026-01-02T03:00:00.000Z',
  sizeBytes: 0,
  storedBytes: 0,
  unmappedPrincipals: [],
};

async function collect(stored: StoredSnapshotBody): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of envelopeChunks(stored)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('envelopeChunks', () => {
  // Large enough for the decompressor to hand out several chunks.
  const stored = {
    snapshot: { accounts: Array.from({ length: 20_000 }, (_, i) => `é${i}`) },
    resolution: { principals: {} },
  };
  const json = JSON.stringify(stored);

  it.each([
    ['gzip', { gzip: true, body: gzipSync(json) }],
    ['plain', { gzip: false, body: Buffer.from(json) }],
  ])('makes the envelope of a %s body', async (_name, body) => {
    const text = await collect({ meta, ...body });
    expect(JSON.parse(text)).toEqual({
      etag: 'abc',
      storedAt: '2026-01-02T03:04:05.000Z',
      ...stored,
    });
  });

  it('fails on a body that is not a JSON object', async () => {
    await expect(
      collect({ meta, gzip: true, body: gzipSync('[1,2]') }),
    ).rejects.toThrow('The stored snapshot is not a JSON object');
  });

  it('fails on a damaged gzip body', async () => {
    const body = gzipSync(json);
    await expect(
      collect({ meta, gzip: true, body: body.subarray(0, body.length / 2) }),
    ).rejects.toThrow();
  });
});
