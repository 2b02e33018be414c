/**
 * The benchmark scenario: 1,200 Foos in four namespaces as initial objects and a dense script of
 * 10,000 replica updates spread over 10 minutes of virtual time (~17 writes/s on top of the
 * controller's own writes and the 30 s resyncs of 1,200 keys). 10,000 is the script cap (LIMITS).
 *
 * The text is generated here by a tiny deterministic generator (mulberry32) instead of being written
 * out by hand. It is JSON — which is YAML — because JSON takes parseScenario's fast path (JSON.parse)
 * while the YAML parser would need about a second for this ~1.3 MB of text.
 */

export const HEAVY_FOOS = 1200;
export const HEAVY_UPDATES = 10_000;
const NAMESPACES = ['team-a', 'team-b', 'team-c', 'team-d'];
/** First update at 1 s; one update per 60 ms slot (jittered inside the slot) → the last one before 10m01s. */
const START_MS = 1000;
const SLOT_MS = 60;

/** mulberry32: a 32-bit state, good enough to scatter updates; fixed seed so the text never changes. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function fooName(i: number): string {
  return `foo-${String(i).padStart(4, '0')}`;
}

function namespaceOf(i: number): string {
  return NAMESPACES[i % NAMESPACES.length]!;
}

function build(): string {
  const next = generator(0x5eed);
  const objects: string[] = [];
  for (let i = 0; i < HEAVY_FOOS; i++) {
    const name = fooName(i);
    objects.push(
      JSON.stringify({
        apiVersion: 'samplecontroller.k8s.io/v1alpha1',
        kind: 'Foo',
        metadata: { namespace: namespaceOf(i), name, labels: { app: 'load' } },
        spec: { deploymentName: name, replicas: 1 + (i % 3) },
      }),
    );
  }
  const script: string[] = [];
  for (let i = 0; i < HEAVY_UPDATES; i++) {
    const r = next();
    const foo = r % HEAVY_FOOS;
    script.push(
      JSON.stringify({
        at: START_MS + i * SLOT_MS + (r % SLOT_MS),
        action: 'update',
        target: { kind: 'Foo', namespace: namespaceOf(foo), name: fooName(foo) },
        spec: { replicas: 1 + ((r >>> 12) % 10) },
      }),
    );
  }
  const metadata = {
    name: 'heavy',
    title: 'Heavy load (benchmark)',
    description: `${HEAVY_FOOS} Foos in ${NAMESPACES.length} namespaces and ${HEAVY_UPDATES} scripted replica updates over 10 minutes.`,
  };
  return [
    '{',
    '"apiVersion": "informer-lab/v1",',
    '"kind": "Scenario",',
    `"metadata": ${JSON.stringify(metadata)},`,
    '"seed": 7,',
    '"objects": [',
    objects.join(',\n'),
    '],',
    '"script": [',
    script.join(',\n'),
    ']',
    '}',
    '',
  ].join('\n');
}

export const yaml: string = build();
