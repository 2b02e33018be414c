/**
 * fast-check arbitraries of valid normalized scenario values (src/engine/model/scenario.ts), shared by
 * the property tests (roundtrip, url-codec, check, intervention). Every value they generate passes
 * validation unchanged: parseScenario(scenarioToYaml(s)) and checkScenarioValue(s) give s back.
 */
import fc from 'fast-check';
import type { Kind } from '../engine/model/objects';
import {
  type ObjectManifest,
  type Range,
  type RateLimiterSetting,
  REPLICA_NAMES,
  type ReplicaName,
  type Scenario,
  type ScriptAction,
  type Settings,
} from '../engine/model/scenario';
import type { InterventionAction } from '../engine/model/session';
import { MAX_DURATION_MS } from './duration';

// --- valid scenarios -------------------------------------------------------------------------

export const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/);
export const objectName = fc.oneof(
  dnsLabel,
  fc.stringMatching(/^[a-z0-9]{1,4}(\.[a-z0-9]([-a-z0-9]{0,3}[a-z0-9])?){1,2}$/),
);
/** Strings the YAML writer must quote to keep them strings. */
export const tricky = fc.constantFrom(
  'null',
  'true',
  'false',
  'yes',
  'no',
  '1',
  '1.0',
  '0x1F',
  '1e3',
  '0o7',
  'Tilde',
  'NaN',
  'inf',
);
export const labelKey = fc.oneof(
  tricky,
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,6}[A-Za-z0-9])?$/),
  fc.constant('app.kubernetes.io/name'),
);
export const labelValue = fc.oneof(
  fc.constant(''),
  tricky,
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,6}[A-Za-z0-9])?$/),
);
export const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 4 });
export const finalizers = fc.uniqueArray(
  fc.constantFrom('example.com/cleanup', 'kubernetes', 'orphan', 'a/b'),
  {
    maxLength: 3,
  },
);
export const ms = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: MAX_DURATION_MS }));
export const positiveMs = fc.integer({ min: 1, max: 10_000_000 });
export const range = (minMs = 0): fc.Arbitrary<Range> =>
  fc
    .tuple(fc.integer({ min: minMs, max: 100_000_000 }), fc.integer({ min: minMs, max: 100_000_000 }))
    .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
export const offOrAtLeastOneSecond = fc.oneof(fc.constant(0), fc.integer({ min: 1000, max: 100_000_000 }));

export const limiter: fc.Arbitrary<RateLimiterSetting> = fc.letrec<{ l: RateLimiterSetting }>((tie) => ({
  l: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constant({ type: 'default' as const }),
    fc
      .tuple(positiveMs, positiveMs)
      .map(([a, b]) => ({ type: 'exponential' as const, baseMs: Math.min(a, b), maxMs: Math.max(a, b) })),
    fc.record({
      type: fc.constant('fastslow' as const),
      fastMs: ms,
      slowMs: ms,
      maxFast: fc.integer({ min: 0, max: 1000 }),
    }),
    fc.record({
      type: fc.constant('bucket' as const),
      qps: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.001, max: 1e6, noNaN: true })),
      burst: fc.integer({ min: 1, max: 1_000_000 }),
    }),
    fc.record({
      type: fc.constant('maxOf' as const),
      limiters: fc.array(tie('l'), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).l;

export const settings: fc.Arbitrary<Settings> = fc
  .record({
    era: fc.constantFrom('classic' as const, 'modern' as const),
    resyncPeriodMs: offOrAtLeastOneSecond,
    workers: fc.integer({ min: 1, max: 16 }),
    rateLimiter: limiter,
    historyWindow: fc.option(fc.integer({ min: 10, max: 100_000 }), { nil: null }),
    bookmarkIntervalMs: offOrAtLeastOneSecond,
    progressNotifyIntervalMs: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 3_600_000 })),
    compactionIntervalMs: offOrAtLeastOneSecond,
    labelSelector: fc.record(
      {
        Foo: fc.constantFrom('tier=gold', 'app', '!skip', 'a=b,c!=d'),
        Deployment: fc.constantFrom('app=web'),
      },
      { requiredKeys: [] },
    ),
    watchTimeout: range(1000),
    pageSize: fc.integer({ min: 1, max: 100_000 }),
    latency: fc.record({ request: range(), watchDelivery: range(), handler: range() }),
    reconcile: fc.record({
      duration: range(),
      failureRate: fc.oneof(
        fc.constantFrom(0, 1, 0.5),
        fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
      ),
    }),
    deploymentRollout: range(),
    gcDelay: range(),
    mistakes: fc.record({
      noDeepCopy: fc.boolean(),
      noTombstoneUnwrap: fc.boolean(),
      noForget: fc.boolean(),
      noDone: fc.boolean(),
      filterAllResyncs: fc.boolean(),
    }),
  })
  .chain((s) =>
    // K2: qps 0 (unset), negative (no limiter) or a rate; burst 0 (unset) only while qps is not > 0.
    fc
      .tuple(
        fc.oneof(fc.constant(0), fc.constant(-1), fc.double({ min: 0.01, max: 1000, noNaN: true })),
        fc.integer({ min: 0, max: 1000 }),
      )
      .map(([qps, burst]) => ({ ...s, qps, burst: qps > 0 && burst === 0 ? 1 : burst })),
  )
  .chain((s) =>
    // S38: 1–3 apiserver replicas, the lag range they draw from, --goaway-chance in [0, 0.02].
    fc
      .tuple(
        fc.integer({ min: 1, max: 3 }),
        range(),
        fc.oneof(fc.constant(0), fc.constant(0.02), fc.double({ min: 0, max: 0.02, noNaN: true })),
      )
      .map(
        ([apiServerReplicas, replicaLag, g]): Omit<Settings, 'serverWatchList'> => ({
          ...s,
          apiServerReplicas,
          replicaLag,
          goawayChance: g + 0,
        }),
      ),
  )
  // S24: the 1.36 server's WatchList gate (read in both eras, used in the modern one).
  .chain((s) => fc.boolean().map((serverWatchList): Settings => ({ ...s, serverWatchList })));

/**
 * Settings changes made of some keys of `s`, each replacing that setting whole. `qps` and `burst` go
 * together: one alone could pair a qps > 0 with an unset burst, a config client-go refuses (K2).
 */
export function changesOf(s: Settings, keys: readonly (keyof Settings)[]): Partial<Settings> {
  const all = new Set(keys);
  if (all.has('qps') || all.has('burst')) {
    all.add('qps');
    all.add('burst');
  }
  return Object.fromEntries([...all].map((k) => [k, s[k]])) as Partial<Settings>;
}

export const namespace = fc.constantFrom('default', 'kube-system', 'team-a', '1');

export function foo(
  ns: string,
  name: string,
  extra: { labels: Record<string, string>; finalizers: string[] },
) {
  return fc
    .record({
      replicas: fc.integer({ min: 1, max: 10 }),
      deploymentName: fc.option(fc.oneof(objectName, fc.constant('')), { nil: undefined }),
    })
    .map(
      ({ replicas, deploymentName }): ObjectManifest => ({
        kind: 'Foo',
        namespace: ns,
        name,
        ...extra,
        spec: deploymentName === undefined ? { replicas } : { deploymentName, replicas },
      }),
    );
}

/** Objects with unique (kind, namespace, name); Deployments may be owned by a Foo of their namespace. */
export const objects: fc.Arbitrary<ObjectManifest[]> = fc
  .uniqueArray(fc.tuple(fc.constantFrom<Kind>('Foo', 'Deployment'), namespace, objectName), {
    maxLength: 8,
    selector: ([k, ns, n]) => `${k}/${ns}/${n}`,
  })
  .chain((ids) =>
    fc.tuple(
      ...ids.map(([kind, ns, name]) =>
        fc.record({ labels, finalizers }).chain((extra) => {
          if (kind === 'Foo') return foo(ns, name, extra);
          const owners = ids.filter(([k, n2]) => k === 'Foo' && n2 === ns).map(([, , n]) => n);
          return fc
            .record({
              replicas: fc.integer({ min: 0, max: 1000 }),
              owner:
                owners.length === 0
                  ? fc.constant(undefined)
                  : fc.option(fc.constantFrom(...owners), { nil: undefined }),
            })
            .map(
              ({ replicas, owner }): ObjectManifest => ({
                kind: 'Deployment',
                namespace: ns,
                name,
                ...extra,
                spec: { replicas },
                ...(owner === undefined ? {} : { ownerFoo: owner }),
              }),
            );
        }),
      ),
    ),
  );

export const ref = fc.record({
  kind: fc.constantFrom<Kind>('Foo', 'Deployment'),
  namespace,
  name: objectName,
});
export const at = fc.integer({ min: 0, max: 3_600_000 });
export const optKind = fc.option(fc.constantFrom<Kind>('Foo', 'Deployment'), { nil: undefined });
export const fooSpecChange = fc.record(
  { replicas: fc.integer({ min: 1, max: 10 }), deploymentName: fc.oneof(objectName, fc.constant('')) },
  { requiredKeys: [] },
);
export const deploySpecChange = fc.record(
  { replicas: fc.integer({ min: 0, max: 1000 }) },
  { requiredKeys: [] },
);
export const withKind = <T>(x: T, k: Kind | undefined) => (k === undefined ? x : { ...x, kind: k });

export const action: fc.Arbitrary<ScriptAction> = fc.oneof(
  fc
    .tuple(at, namespace, objectName, fc.record({ labels, finalizers }))
    .chain(([t, ns, n, extra]) =>
      foo(ns, n, extra).map((object): ScriptAction => ({ at: t, action: 'create', object })),
    ),
  fc
    .tuple(
      at,
      ref,
      fc.option(labels, { nil: undefined }),
      fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
    )
    .chain(([t, target, l, rv]) =>
      (target.kind === 'Foo' ? fooSpecChange : deploySpecChange).map(
        (spec): ScriptAction => ({
          at: t,
          action: 'update',
          target,
          spec,
          ...(l === undefined ? {} : { labels: l }),
          ...(rv === undefined ? {} : { resourceVersion: String(rv) }),
        }),
      ),
    ),
  fc.tuple(at, ref, labels).chain(([t, target, l]) =>
    fc.option(target.kind === 'Foo' ? fooSpecChange : deploySpecChange, { nil: undefined }).map(
      (spec): ScriptAction => ({
        at: t,
        action: 'patch',
        target,
        labels: l,
        ...(spec === undefined ? {} : { spec }),
      }),
    ),
  ),
  fc.tuple(at, ref).map(([t, target]): ScriptAction => ({ at: t, action: 'delete', target })),
  fc
    .tuple(at, ref, fc.constantFrom('example.com/cleanup', 'orphan'))
    .map(([t, target, finalizer]): ScriptAction => ({ at: t, action: 'removeFinalizer', target, finalizer })),
  fc.tuple(at, optKind).map(([t, k]): ScriptAction => withKind({ at: t, action: 'closeWatch' as const }, k)),
  fc
    .tuple(at, fc.constantFrom(410 as const, 500 as const), optKind)
    .map(([t, code, k]): ScriptAction => withKind({ at: t, action: 'watchError' as const, code }, k)),
  at.map((t): ScriptAction => ({ at: t, action: 'compact' })),
  fc
    .tuple(
      at,
      fc.integer({ min: 1, max: 600_000 }),
      fc.integer({ min: 0, max: 600_000 }),
      fc.option(fc.constantFrom<ReplicaName>(...REPLICA_NAMES), { nil: undefined }),
    )
    .map(
      ([t, d, c, r]): ScriptAction => ({
        at: t,
        action: 'restartApiServer',
        downtimeMs: d,
        cacheInitMs: c,
        ...(r === undefined ? {} : { replica: r }),
      }),
    ),
  fc
    .tuple(
      at,
      fc.constantFrom<ReplicaName>(...REPLICA_NAMES),
      fc.integer({ min: 1, max: 1_800_000 }),
      positiveMs,
    )
    .map(
      ([t, replica, l, d]): ScriptAction => ({
        at: t,
        action: 'lagReplica',
        replica,
        lagMs: l,
        durationMs: d,
      }),
    ),
  fc
    .tuple(at, positiveMs)
    .map(([t, d]): ScriptAction => ({ at: t, action: 'refuseConnections', durationMs: d })),
  fc
    .tuple(
      at,
      fc.constantFrom(429 as const, 500 as const),
      positiveMs,
      fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
    )
    .map(
      ([t, code, d, ra]): ScriptAction =>
        ra === undefined
          ? { at: t, action: 'apiErrors', code, durationMs: d }
          : { at: t, action: 'apiErrors', code, durationMs: d, retryAfter: ra },
    ),
  fc
    .tuple(at, positiveMs, positiveMs)
    .map(([t, e, d]): ScriptAction => ({ at: t, action: 'addLatency', extraMs: e, durationMs: d })),
  fc
    .tuple(at, positiveMs, positiveMs)
    .map(([t, e, d]): ScriptAction => ({ at: t, action: 'slowHandlers', extraMs: e, durationMs: d })),
  fc
    .tuple(at, fc.integer({ min: 1, max: 100_000 }))
    .map(([t, count]): ScriptAction => ({ at: t, action: 'failReconciles', count })),
  fc
    .tuple(
      at,
      fc.constantFrom<Kind>('Foo', 'Deployment'),
      objectName,
      fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1000, max: 3_600_000 })), { nil: undefined }),
    )
    .map(
      ([t, kind, name, r]): ScriptAction => ({
        at: t,
        action: 'addHandler',
        kind,
        name,
        ...(r === undefined ? {} : { resyncPeriodMs: r }),
      }),
    ),
);

export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    name: dnsLabel,
    title: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), tricky),
    description: fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
    ),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    settings,
    objects,
    script: fc.array(action, { maxLength: 12 }),
  })
  .chain((r) =>
    // Scripted Deployment creates, owned by one of the initial Foos of their namespace (or by none).
    fc.array(deploymentCreate(r.objects), { maxLength: 3 }).map(
      (creates): Scenario => ({
        apiVersion: 'informer-lab/v1',
        ...r,
        // The parser sorts stably by `at`; a generated script is sorted the same way first. A fault
        // names only a replica the scenario runs (S38).
        script: [...r.script, ...creates]
          .map((a) => onRunningReplica(a, r.settings.apiServerReplicas))
          .sort((a, b) => a.at - b.at),
      }),
    ),
  );

/** A fault naming a replica beyond the scenario's `replicas` names A instead (S38). */
function onRunningReplica(a: ScriptAction, replicas: number): ScriptAction {
  if (a.action !== 'restartApiServer' && a.action !== 'lagReplica') return a;
  if (a.replica === undefined || REPLICA_NAMES.indexOf(a.replica) < replicas) return a;
  return { ...a, replica: 'A' };
}

export function deploymentCreate(objs: readonly ObjectManifest[]): fc.Arbitrary<ScriptAction> {
  const foos = objs.filter((o) => o.kind === 'Foo');
  const owner =
    foos.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...foos), { nil: undefined });
  return fc
    .tuple(
      at,
      owner,
      namespace,
      objectName,
      fc.integer({ min: 0, max: 1000 }),
      fc.record({ labels, finalizers }),
    )
    .map(
      ([t, o, ns, name, replicas, extra]): ScriptAction => ({
        at: t,
        action: 'create',
        object: {
          kind: 'Deployment',
          namespace: o?.namespace ?? ns,
          name,
          ...extra,
          spec: { replicas },
          ...(o === undefined ? {} : { ownerFoo: o.name }),
        },
      }),
    );
}

/** A Deployment created with a controlling Foo that may not be in `objects` (a run may have created it). */
const ownedDeploymentCreate: fc.Arbitrary<ScriptAction> = fc
  .tuple(
    at,
    namespace,
    objectName,
    objectName,
    fc.integer({ min: 0, max: 1000 }),
    fc.record({ labels, finalizers }),
  )
  .map(
    ([t, ns, name, owner, replicas, extra]): ScriptAction => ({
      at: t,
      action: 'create',
      object: { kind: 'Deployment', namespace: ns, name, ...extra, spec: { replicas }, ownerFoo: owner },
    }),
  );

/** Interventions: every script action without its time, including Deployments with an owner. */
export const intervention: fc.Arbitrary<InterventionAction> = fc
  .oneof({ weight: 4, arbitrary: action }, { weight: 1, arbitrary: ownedDeploymentCreate })
  .map(({ at: _at, ...rest }) => rest as InterventionAction);
