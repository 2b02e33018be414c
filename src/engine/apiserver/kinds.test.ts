/** objectKey: the storage key (S11's order), also when its one-entry memo hands out the last key again. */
import { describe, expect, it } from 'vitest';
import { objectKey } from './kinds';

describe('objectKey', () => {
  it('is "ns/name", or "name" when cluster-scoped, whatever was asked before', () => {
    const asks: [string, string, string][] = [
      ['team-a', 'foo-1', 'team-a/foo-1'],
      ['team-a', 'foo-1', 'team-a/foo-1'],
      ['team-b', 'foo-1', 'team-b/foo-1'],
      ['', 'foo-1', 'foo-1'],
      ['team-b', 'foo-1', 'team-b/foo-1'],
      ['team-b', 'foo-2', 'team-b/foo-2'],
      ['team', 'b/foo-2', 'team/b/foo-2'],
      ['team-b', 'foo-2', 'team-b/foo-2'],
    ];
    for (const [ns, name, key] of asks) expect(objectKey(ns, name)).toBe(key);
  });
});
