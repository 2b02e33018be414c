import { describe, expect, it } from 'vitest';
import type { Foo, KObject } from '../model/objects';
import {
  type ApiServerState,
  type ListResult,
  newApiServer,
  newFooObject,
  serverCompact,
  serverCreate,
  serverDelete,
  serverList,
  serverUpdate,
  type WriteResult,
} from './index';

function ok(r: WriteResult): KObject {
  if (r.code !== 200 && r.code !== 201) throw new Error(`expected success, got ${r.code} ${r.message}`);
  return r.object;
}

function items(r: ListResult): string[] {
  if (r.code !== 200) throw new Error(`expected 200, got ${r.code} ${r.message}`);
  return r.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}@${o.metadata.resourceVersion}`);
}

function mk(s: ApiServerState, ns: string, name: string): Foo {
  return ok(
    serverCreate(s, newFooObject({ namespace: ns, name }, { deploymentName: name, replicas: 1 }), 0),
  ) as Foo;
}

function bump(s: ApiServerState, f: Foo): Foo {
  const cur = f;
  return ok(serverUpdate(s, { ...cur, spec: { ...cur.spec, replicas: cur.spec.replicas + 1 } }, 0)) as Foo;
}

describe('LIST', () => {
  it('S11: items in key order (namespace, then name; byte order), not creation order', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    mk(s, 'b', 'x');
    mk(s, 'a-b', 'z');
    mk(s, 'a', 'y');
    mk(s, 'a', 'b');
    expect(items(serverList(s, 'Foo', { resourceVersion: '', limit: 0 }, 0))).toEqual([
      'a-b/z@2',
      'a/b@4',
      'a/y@3',
      'b/x@1',
    ]);
  });

  it('S5/S6: RV "" paginates; RV "0" ignores limit and returns no continue', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    for (const n of ['a', 'b', 'c']) mk(s, 'd', n);
    const p1 = serverList(s, 'Foo', { resourceVersion: '', limit: 2 }, 0);
    expect(items(p1)).toEqual(['d/a@1', 'd/b@2']);
    expect(p1.code === 200 && p1.continue).toBeTruthy();
    expect(p1.code === 200 && p1.remainingItemCount).toBe(1);
    const p0 = serverList(s, 'Foo', { resourceVersion: '0', limit: 2 }, 0);
    expect(items(p0)).toHaveLength(3);
    expect(p0.code === 200 && p0.continue).toBeUndefined();
    expect(p0.code === 200 && p0.resourceVersion).toBe('3');
  });

  it('S7: RV N without limit → latest (even below the compaction point); N > revision → 504', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    const a = mk(s, 'd', 'a');
    bump(s, a);
    serverCompact(s);
    const r = serverList(s, 'Foo', { resourceVersion: '1', limit: 0 }, 0);
    expect(items(r)).toEqual(['d/a@2']);
    expect(r.code === 200 && r.resourceVersion).toBe('2');
    expect(serverList(s, 'Foo', { resourceVersion: '9', limit: 0 }, 0)).toEqual({
      code: 504,
      reason: 'Timeout',
      message: 'Timeout: Too large resource version: 9, current: 2',
      retryAfterSeconds: 1,
      causes: [{ type: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    });
  });

  it('S8: RV N with limit → exact state at N; 410 when N is compacted (N = compaction point is fine)', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    const a = mk(s, 'd', 'a'); // 1
    mk(s, 'd', 'b'); // 2
    bump(s, a); // 3
    ok(serverDelete(s, 'Foo', 'd', 'b', 0)); // 4
    mk(s, 'd', 'c'); // 5
    const at2 = serverList(s, 'Foo', { resourceVersion: '2', limit: 10 }, 0);
    expect(items(at2)).toEqual(['d/a@1', 'd/b@2']);
    expect(at2.code === 200 && at2.resourceVersion).toBe('2');
    expect(items(serverList(s, 'Foo', { resourceVersion: '4', limit: 10 }, 0))).toEqual(['d/a@3']);
    serverCompact(s, 3);
    expect(serverList(s, 'Foo', { resourceVersion: '2', limit: 10 }, 0)).toEqual({
      code: 410,
      reason: 'Expired',
      message: 'The resourceVersion for the provided list is too old.',
    });
    expect(items(serverList(s, 'Foo', { resourceVersion: '3', limit: 10 }, 0))).toEqual(['d/a@3', 'd/b@2']);
  });

  it('S13: pages share the first page RV even across writes; continue with an RV → 400; bad token → 400', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    const a = mk(s, 'd', 'a');
    mk(s, 'd', 'b');
    mk(s, 'd', 'c');
    const p1 = serverList(s, 'Foo', { resourceVersion: '', limit: 2 }, 0);
    if (p1.code !== 200 || !p1.continue) throw new Error();
    bump(s, a);
    ok(serverDelete(s, 'Foo', 'd', 'c', 0));
    mk(s, 'd', 'bb');
    expect(serverList(s, 'Foo', { resourceVersion: '3', limit: 2, continue: p1.continue }, 0)).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'specifying resource version is not allowed when using continue',
    });
    const p2 = serverList(s, 'Foo', { resourceVersion: '0', limit: 2, continue: p1.continue }, 0);
    expect(items(p2)).toEqual(['d/c@3']);
    expect(p2.code === 200 && p2.resourceVersion).toBe('3');
    expect(p2.code === 200 && p2.continue).toBeUndefined();
    expect(serverList(s, 'Foo', { resourceVersion: '', limit: 2, continue: 'garbage' }, 0)).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
    const bad = serverList(s, 'Foo', { resourceVersion: '', limit: 2, continue: 'c1:0:d/a' }, 0);
    expect(bad.code !== 200 && bad.message).toBe(
      'invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  });

  it('S14: an expired continue token → 410 Expired with a new token resuming from the next key at the latest revision', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    const a = mk(s, 'd', 'a');
    mk(s, 'd', 'b');
    mk(s, 'd', 'c');
    const p1 = serverList(s, 'Foo', { resourceVersion: '', limit: 1 }, 0);
    if (p1.code !== 200 || !p1.continue) throw new Error();
    ok(serverDelete(s, 'Foo', 'd', 'b', 0)); // 4
    bump(s, a); // 5 (before the resume point: not shown again)
    serverCompact(s);
    const r = serverList(s, 'Foo', { resourceVersion: '', limit: 1, continue: p1.continue }, 0);
    expect(r.code).toBe(410);
    if (r.code === 200) throw new Error();
    expect(r.reason).toBe('Expired');
    expect(r.message).toMatch(
      /^The provided continue parameter is too old to display a consistent list result\./,
    );
    expect(r.continue).toBeTruthy();
    const p2 = serverList(s, 'Foo', { resourceVersion: '', limit: 1, continue: r.continue }, 0);
    expect(items(p2)).toEqual(['d/c@3']);
    expect(p2.code === 200 && p2.resourceVersion).toBe('5');
    expect(p2.code === 200 && p2.continue).toBeUndefined();
  });

  it('rejects a malformed resourceVersion with 400', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    expect(serverList(s, 'Foo', { resourceVersion: 'abc', limit: 0 }, 0)).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
  });
});
