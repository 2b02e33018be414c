import { describe, expect, it } from 'vitest';
import type { ObjectRow, RecordView } from '../../engine/model/frame';
import { loadLibraryScenario, runToSteps } from '../inspectors/test-fixture';
import { formatFieldValue, objectDiff, objectVersions, recordsForKey } from './object-diff';

const base: ObjectRow = {
  kind: 'Foo',
  key: 'default/frontend',
  rv: '12',
  uid: 'uid-1',
  generation: 1,
  replicas: 2,
  availableReplicas: 0,
  ref: 'frontend',
  finalizers: [],
  deleting: false,
};

describe('objectDiff', () => {
  it('lists exactly the fields that changed, in a fixed order', () => {
    const b: ObjectRow = { ...base, rv: '15', generation: 2, replicas: 5 };
    expect(objectDiff(base, b)).toEqual([
      { field: 'rv', before: '12', after: '15' },
      { field: 'generation', before: 1, after: 2 },
      { field: 'replicas', before: 2, after: 5 },
    ]);
    expect(objectDiff(base, { ...base })).toEqual([]);
  });
  it('compares finalizers by content and reports deletion and uid changes', () => {
    const b: ObjectRow = { ...base, finalizers: ['x'], deleting: true, uid: 'uid-2' };
    expect(objectDiff(base, b).map((c) => c.field)).toEqual(['finalizers', 'deleting', 'uid']);
    expect(objectDiff({ ...base, finalizers: ['a'] }, { ...base, finalizers: ['a'] })).toEqual([]);
  });
  it('treats a missing side as every field changing', () => {
    expect(objectDiff(null, base)).toHaveLength(7);
    expect(objectDiff(base, null).every((c) => c.after === null)).toBe(true);
    expect(objectDiff(null, null)).toEqual([]);
  });
  it('formats values', () => {
    expect(formatFieldValue(['a', 'b'])).toBe('[a, b]');
    expect(formatFieldValue(null)).toBe('—');
    expect(formatFieldValue(false)).toBe('false');
  });
});

describe('objectVersions', () => {
  it('orders each kind’s versions by resourceVersion and diffs neighbours', () => {
    const rec = (step: number, o: ObjectRow): RecordView => ({
      step,
      time: step,
      lane: o.kind,
      component: 'indexer',
      arrow: 5,
      key: o.key,
      rv: o.rv,
      message: 'indexer.update',
      params: {},
      objectKind: o.kind,
      tombstone: false,
      object: o,
    });
    const v15: ObjectRow = { ...base, rv: '15', replicas: 5 };
    const dep: ObjectRow = { ...base, kind: 'Deployment', rv: '13', uid: 'uid-d' };
    // A stale lister shows rv 12 after rv 15 was seen: still ordered 12 → 15.
    const vs = objectVersions([rec(1, v15), rec(2, dep), rec(3, base), rec(4, v15)], 'default/frontend');
    expect(vs.map((v) => [v.kind, v.object.rv, v.firstStep, v.seen])).toEqual([
      ['Foo', '12', 3, 1],
      ['Foo', '15', 1, 2],
      ['Deployment', '13', 2, 1],
    ]);
    expect(vs[1]!.changes).toEqual([
      { field: 'rv', before: '12', after: '15' },
      { field: 'replicas', before: 2, after: 5 },
    ]);
    expect(vs[0]!.changes.every((c) => c.before === null)).toBe(true);
  });
  it('skips request bodies that have no resourceVersion yet', () => {
    const body: RecordView = {
      step: 1,
      time: 1,
      lane: 'Deployment',
      component: 'client',
      arrow: 'write',
      key: 'default/frontend',
      rv: null,
      message: 'client.request',
      params: {},
      objectKind: 'Deployment',
      tombstone: false,
      object: { ...base, kind: 'Deployment', rv: '', uid: '' },
    };
    expect(objectVersions([body], 'default/frontend')).toEqual([]);
  });
  it('finds each distinct version of a key in a real run, with strictly increasing RVs per kind', () => {
    const { records } = runToSteps(loadLibraryScenario('default'), [800]);
    const key = 'default/frontend';
    const touched = recordsForKey(records, key);
    expect(touched.length).toBeGreaterThan(10);
    const vs = objectVersions(touched, key);
    for (const kind of ['Foo', 'Deployment']) {
      const rvs = vs.filter((v) => v.kind === kind).map((v) => Number(v.object.rv));
      expect(rvs.length).toBeGreaterThan(1);
      for (let i = 1; i < rvs.length; i++) expect(rvs[i]!).toBeGreaterThan(rvs[i - 1]!);
    }
    // The script scales frontend to 5 at 9 s: some Foo version records that change.
    expect(
      vs.some((v) => v.kind === 'Foo' && v.changes.some((c) => c.field === 'replicas' && c.after === 5)),
    ).toBe(true);
  });
});
