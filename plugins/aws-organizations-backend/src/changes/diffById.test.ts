import { diffById } from './diffById';

type Item = { id: string; v: number };
const id = (i: Item) => i.id;

describe('diffById', () => {
  it('splits created, removed and common, each in its list order', () => {
    const before = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
      { id: 'c', v: 1 },
    ];
    const after = [
      { id: 'd', v: 2 },
      { id: 'c', v: 2 },
      { id: 'e', v: 2 },
      { id: 'a', v: 2 },
    ];
    const diff = diffById(before, after, id);
    expect(diff.created).toEqual([
      { id: 'd', v: 2 },
      { id: 'e', v: 2 },
    ]);
    expect(diff.removed).toEqual([{ id: 'b', v: 1 }]);
    expect(diff.common).toEqual([
      [
        { id: 'c', v: 1 },
        { id: 'c', v: 2 },
      ],
      [
        { id: 'a', v: 1 },
        { id: 'a', v: 2 },
      ],
    ]);
    expect(diff.matched.map(([b, a]) => [b?.v, a.id])).toEqual([
      [undefined, 'd'],
      [1, 'c'],
      [undefined, 'e'],
      [1, 'a'],
    ]);
  });

  it('finds nothing between equal lists and everything against an empty one', () => {
    const items = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ];
    expect(diffById(items, items, id)).toMatchObject({
      created: [],
      removed: [],
    });
    expect(diffById([], items, id).created).toEqual(items);
    expect(diffById(items, [], id).removed).toEqual(items);
    expect(diffById<Item>([], [], id)).toEqual({
      created: [],
      removed: [],
      common: [],
      matched: [],
    });
  });

  it('treats keys that name Object.prototype members as ordinary keys', () => {
    const diff = diffById(
      [{ id: 'toString', v: 1 }],
      [{ id: 'constructor', v: 2 }],
      id,
    );
    expect(diff.created).toEqual([{ id: 'constructor', v: 2 }]);
    expect(diff.removed).toEqual([{ id: 'toString', v: 1 }]);
    expect(diff.common).toEqual([]);
  });

  it('pairs a repeated key with the last item of that key in before', () => {
    const diff = diffById(
      [
        { id: 'a', v: 1 },
        { id: 'a', v: 2 },
      ],
      [{ id: 'a', v: 3 }],
      id,
    );
    expect(diff.common).toEqual([
      [
        { id: 'a', v: 2 },
        { id: 'a', v: 3 },
      ],
    ]);
  });
});
