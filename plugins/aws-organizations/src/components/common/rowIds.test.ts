import { withRowIds } from './rowIds';

describe('withRowIds', () => {
  it('gives each row its key as id, unique within the rows', () => {
    const rows = withRowIds(
      [{ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: 'a' }],
      row => row.name,
    );
    expect(rows.map(row => row.id)).toEqual(['a', 'b', 'a#2', 'a#3']);
    expect(rows[1]).toEqual({ name: 'b', id: 'b' });
  });
});
