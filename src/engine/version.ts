/**
 * The engine's behaviour version: bump it whenever a change to the engine (src/engine/**) or to how a
 * scenario is read (src/scenarios/**) can make the same scenario, seed and interventions replay to a
 * different frame. Shareable links carry it (src/scenarios/url-codec.ts) so a page opened by a link
 * made with another version can say that the replay may differ, instead of silently showing something
 * else; the frame digest in the link then tells whether it actually does.
 *
 * '2': record params became structured data (issue 7). '3': etcd and one watch cache per resource,
 * restarts, compaction, GC of orphans, Events (issue 8). '4': the REST clients' token buckets and
 * Retry-After retries (issue 9). '5': HA apiserver replicas, replica lag and restart faults, GOAWAY
 * (issue 10); a scenario with one apiserver replays as with '4'. '6': the modern era talks to a 1.36
 * kube-apiserver (issue 12: consistent reads and WatchList from the cache, 429 from a cache that is not
 * ready, the server's WatchList gate); a classic scenario replays as with '5'.
 */
export const ENGINE_BEHAVIOUR_VERSION = '6';
