/**
 * The browser benchmark's scenarios: N Foos at start and a stream of replica updates, as JSON text in
 * the scenario format (docs/SCENARIOS.md). JSON takes parseScenario's fast path; names are short so
 * that 10,000 Foos stay under the 2 MB text limit (LIMITS.textBytes).
 */

const NAMESPACES = ['ns-a', 'ns-b', 'ns-c', 'ns-d'];

/** Scripted updates, spread evenly over UPDATE_SPAN_MS of virtual time from 1 s. */
export const BENCH_UPDATES = 1_000;
const UPDATE_SPAN_MS = 120_000;

function fooName(i: number): string {
  return `f${String(i).padStart(5, '0')}`;
}

/** The scenario; `era` modern runs client-go v0.36.3's pipeline (settings.era), to measure its figure. */
export function benchScenarioText(foos: number, era: 'classic' | 'modern' = 'classic'): string {
  const objects: string[] = [];
  for (let i = 0; i < foos; i++) {
    const name = fooName(i);
    objects.push(
      JSON.stringify({
        apiVersion: 'samplecontroller.k8s.io/v1alpha1',
        kind: 'Foo',
        metadata: { namespace: NAMESPACES[i % NAMESPACES.length], name },
        spec: { deploymentName: name, replicas: 1 + (i % 3) },
      }),
    );
  }
  const script: string[] = [];
  const slot = Math.floor(UPDATE_SPAN_MS / BENCH_UPDATES);
  for (let k = 0; k < BENCH_UPDATES; k++) {
    // 7919 is prime, so the targets walk through every Foo before repeating (for foos not divisible by it).
    const i = (k * 7919) % foos;
    script.push(
      JSON.stringify({
        at: 1000 + k * slot,
        action: 'update',
        target: { kind: 'Foo', namespace: NAMESPACES[i % NAMESPACES.length], name: fooName(i) },
        spec: { replicas: 1 + ((k + i) % 4) },
      }),
    );
  }
  const head = JSON.stringify({
    apiVersion: 'informer-lab/v1',
    kind: 'Scenario',
    metadata: {
      name: `browser-bench-${foos}`,
      title: `Browser benchmark: ${foos} Foos`,
      description: `${foos} Foos at start, ${BENCH_UPDATES} replica updates over ${UPDATE_SPAN_MS / 1000} s.`,
    },
    seed: 1,
    ...(era === 'modern' ? { settings: { era } } : {}),
  });
  return `${head.slice(0, -1)},"objects":[${objects.join(',')}],"script":[${script.join(',')}]}`;
}
