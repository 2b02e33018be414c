/**
 * What the REST client's log lines show of a request (spec K3): its HTTP verb and URL as client-go's
 * `Request.URL().String()` builds them, and durations in Go's `time.Duration.String()` form. Pure
 * formatting, no language: the narration tables put these into client-go's own sentences.
 *
 * URLs: the typed clientsets' paths (cg@26:kubernetes/typed/apps/v1/deployment.go and the generated
 * sample-controller clientset): `/apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>[/status]]`,
 * the core group under `/api/v1`. Query parameters come from `VersionedParams` (empty options are left
 * out) plus `timeout` for watches (the generated `Watch` calls `.Timeout(timeoutSeconds)`), encoded in key
 * order as `url.Values.Encode` does. The host is the in-cluster service address the rest of the
 * simulator uses (the refused-connection message names it too).
 */
import type { Kind } from '../../model/objects';

export const API_HOST = 'https://10.96.0.1:443';

/** The REST clients of sample-controller's two clientsets, one per group-version (K2, K7). */
export const REST_CLIENTS = ['AppsV1', 'SamplecontrollerV1alpha1', 'CoreV1'] as const;
export type RestClientName = (typeof REST_CLIENTS)[number];

/** Each REST client's API path prefix. */
const PREFIX: Readonly<Record<RestClientName, string>> = {
  AppsV1: '/apis/apps/v1',
  SamplecontrollerV1alpha1: '/apis/samplecontroller.k8s.io/v1alpha1',
  CoreV1: '/api/v1',
};

/** The REST client that serves a kind's requests (K7: Deployments → AppsV1, Foos → SamplecontrollerV1alpha1). */
export function restClientOf(kind: Kind): RestClientName {
  return kind === 'Deployment' ? 'AppsV1' : 'SamplecontrollerV1alpha1';
}

const RESOURCE: Readonly<Record<Kind, string>> = { Deployment: 'deployments', Foo: 'foos' };

export type HttpVerb = 'GET' | 'POST' | 'PUT';

/** A request as its URL says it. `namespace` '' = all namespaces (an informer's LIST and WATCH). */
export interface RequestLine {
  readonly kind: Kind;
  readonly namespace: string;
  readonly name?: string;
  readonly subresource?: 'status';
  readonly query?: Readonly<Record<string, string>>;
}

/** `Request.URL().String()`. */
export function requestUrl(r: RequestLine): string {
  let path = PREFIX[restClientOf(r.kind)];
  if (r.namespace !== '') path += `/namespaces/${r.namespace}`;
  path += `/${RESOURCE[r.kind]}`;
  if (r.name !== undefined) path += `/${r.name}`;
  if (r.subresource !== undefined) path += `/${r.subresource}`;
  const q = r.query;
  if (q === undefined) return API_HOST + path;
  const keys = Object.keys(q).sort();
  if (keys.length === 0) return API_HOST + path;
  return `${API_HOST}${path}?${keys.map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(q[k]!)}`).join('&')}`;
}

/** ListOptions as query parameters: resourceVersion, limit and continue when set (omitempty). */
export function listQuery(rv: string, limit: number, cont?: string): Record<string, string> {
  const q: Record<string, string> = {};
  if (rv !== '') q.resourceVersion = rv;
  if (limit > 0) q.limit = String(limit);
  if (cont !== undefined && cont !== '') q.continue = cont;
  return q;
}

/** A reflector's watch: its ListOptions (R9) plus the generated client's `timeout`. */
export function watchQuery(rv: string, timeoutMs: number): Record<string, string> {
  const q: Record<string, string> = { allowWatchBookmarks: 'true', watch: 'true' };
  if (rv !== '') q.resourceVersion = rv;
  q.timeoutSeconds = String(Math.trunc(timeoutMs / 1000));
  q.timeout = goDuration(Math.trunc(timeoutMs / 1000) * 1000);
  return q;
}

/** Go's `time.Duration.String()` for whole milliseconds: "0s", "200ms", "1.2s", "1m0.5s", "1h0m0s". */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let u = Math.abs(Math.trunc(ms));
  if (u < 1000) return `${neg ? '-' : ''}${u}ms`;
  const frac = u % 1000;
  u = (u - frac) / 1000;
  const sec = u % 60;
  u = (u - sec) / 60;
  const fracText = frac === 0 ? '' : `.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
  let out = `${sec}${fracText}s`;
  if (u > 0) {
    const min = u % 60;
    const h = (u - min) / 60;
    out = `${min}m${out}`;
    if (h > 0) out = `${h}h${out}`;
  }
  return (neg ? '-' : '') + out;
}
