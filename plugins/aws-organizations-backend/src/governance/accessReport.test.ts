import {
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import {
  ACCESS_REPORT_COLUMNS,
  accessReportCsv,
  accessReportCsvChunks,
  accessReportRows,
} from './accessReport';
import { buildGovernanceIndex } from './buildGovernanceIndex';

/** A strict RFC 4180 parser, to read back what the report wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.length && !/[,\r\n"]/.test(text[i])) cell += text[i++];
      if (text[i] === '"') throw new Error(`stray quote at ${i}`);
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

describe('accessReportRows', () => {
  it('gives one row per assignment principal, plus one per member of a group', () => {
    const index = buildGovernanceIndex(
      governanceSnapshot(),
      governanceResolution(),
    );
    const rows = [...accessReportRows(index)].map(r => [
      r.account_name,
      r.permission_set,
      r.principal_type,
      r.principal_id,
      r.via,
      r.group_id,
    ]);
    expect(rows).toEqual([
      ['payments-dev', 'Admin', 'GROUP', 'g-platform', 'direct', ''],
      ['payments-dev', 'Admin', 'USER', 'u-alice', 'group', 'g-platform'],
      ['payments-dev', 'Admin', 'USER', 'u-carol', 'group', 'g-platform'],
      ['payments-prod', 'ReadOnly', 'GROUP', 'g-formula', 'direct', ''],
      ['payments-prod', 'ReadOnly', 'USER', 'u-bob', 'group', 'g-formula'],
      ['payments-prod', 'ReadOnly', 'USER', 'u-alice', 'direct', ''],
      ['sandbox-a', 'Admin', 'GROUP', 'g-platform', 'direct', ''],
      ['sandbox-a', 'Admin', 'USER', 'u-alice', 'group', 'g-platform'],
      ['sandbox-a', 'Admin', 'USER', 'u-carol', 'group', 'g-platform'],
      ['sandbox-a', 'ReadOnly', 'USER', 'u-bob', 'direct', ''],
    ]);
  });
});

describe('accessReportCsv', () => {
  const index = buildGovernanceIndex(
    governanceSnapshot(),
    governanceResolution(),
  );
  const csv = accessReportCsv(index);
  const rows = parseCsv(csv);

  it('starts with the header and ends lines with CRLF', () => {
    expect(rows[0]).toEqual([...ACCESS_REPORT_COLUMNS]);
    expect(rows).toHaveLength(11);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows.every(r => r.length === ACCESS_REPORT_COLUMNS.length)).toBe(
      true,
    );
  });

  it('writes the values of a row', () => {
    const carol = rows.find(r => r[9] === 'u-carol')!;
    expect(
      Object.fromEntries(ACCESS_REPORT_COLUMNS.map((c, i) => [c, carol[i]])),
    ).toEqual({
      account_id: '222222222222',
      account_name: 'payments-dev',
      account_state: 'ACTIVE',
      ou_path: 'Root / Dev',
      permission_set: 'Admin',
      permission_set_arn: 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin',
      privileged: 'true',
      session_duration: 'PT1H',
      principal_type: 'USER',
      principal_id: 'u-carol',
      principal_name: 'carol',
      principal_ref: 'user:default/carol',
      via: 'group',
      group_id: 'g-platform',
      group_name: 'Platform Team',
    });
  });

  it('guards formulas: a name starting with = gets a leading quote', () => {
    const formulaGroup = rows.find(r => r[9] === 'g-formula')!;
    expect(formulaGroup[10]).toBe(`'=HYPERLINK("http://evil")`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const bobViaGroup = rows.find(r => r[9] === 'u-bob' && r[12] === 'group')!;
    expect(bobViaGroup[14]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const snapshot = governanceSnapshot();
    snapshot.accounts[1].name = 'pay, "dev"\nteam';
    const resolution = governanceResolution();
    resolution.principals['u-alice'].name = '+1 alice\r\nsmith';
    const text = accessReportCsv(buildGovernanceIndex(snapshot, resolution));
    expect(text).toContain('"pay, ""dev""\nteam"');
    expect(text).toContain(`"'+1 alice\r\nsmith"`);
    const parsed = parseCsv(text);
    expect(parsed.filter(r => r[1] === 'pay, "dev"\nteam')).toHaveLength(3);
    expect(parsed.some(r => r[10] === "'+1 alice\r\nsmith")).toBe(true);
  });

  it('holds the same rows as accessReportRows, one account per chunk', () => {
    const fromRows = [...accessReportRows(index)].map(r =>
      ACCESS_REPORT_COLUMNS.map(c => r[c]),
    );
    expect(rows.slice(1).map(r => r.map(c => c.replace(/^'/, '')))).toEqual(
      fromRows,
    );
    const chunks = [...accessReportCsvChunks(index)];
    // Header, then payments-dev, payments-prod, sandbox-a.
    expect(chunks).toHaveLength(4);
    expect(chunks.join('')).toBe(csv);
    expect(parseCsv(chunks[2]).map(r => r[0])).toEqual([
      '333333333333',
      '333333333333',
      '333333333333',
    ]);
  });

  it('is only the header without Identity Center', () => {
    const snapshot = governanceSnapshot();
    snapshot.identityCenter = { status: 'not-enabled' };
    expect(
      parseCsv(
        accessReportCsv(buildGovernanceIndex(snapshot, governanceResolution())),
      ),
    ).toEqual([[...ACCESS_REPORT_COLUMNS]]);
  });
});
