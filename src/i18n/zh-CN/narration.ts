/**
 * 简体中文 narration: a sentence per message id of the engine's catalog (src/engine/model/messages.ts)
 * and the words for the tokens of closed-list parameters, with the vocabulary of the Chinese operator
 * books (shared/reference/book-terms-zh.md). client-go names (Pop, Replace, OnAdd, AddRateLimited,
 * Forget, Done, indexer.Add, resourceVersion ...), Kubernetes reason tokens (Expired, Conflict ...) and
 * the names of the controller mistakes stay in English.
 */
import type { NarrationTable } from '../narration-table';

export const narration: NarrationTable = {
  templates: {
    // Reflector (R*)
    'reflector.list': '发起 LIST：resourceVersion="{rv}" limit={limit}',
    'reflector.list-page': '用 continue 令牌 LIST 下一页',
    'reflector.pager-full-relist': 'continue 令牌已过期（{code}）：在 resourceVersion="{rv}" 上完整列举一次',
    'reflector.list-rv-unavailable':
      '在 "{rv}" 上 LIST 失败，{code} {reason}：立即以 resourceVersion="" 重新列举（relist）',
    'reflector.list-failed': 'LIST 失败：{code} {reason}',
    'reflector.replace': 'Replace（{items} 个条目，"{rv}"）：加入 Replaced 增量，{tombstones} 个墓碑对象',
    'reflector.watch': '从 resourceVersion="{rv}" 开始 WATCH（超时 {timeoutSeconds} 秒，开启 BOOKMARK）',
    'reflector.watch-open': '从 "{rv}" 开始的 watch 流已打开',
    'reflector.watch-refused': 'watch 请求失败（{reason}）：退避 {delayMs} 毫秒后重新 watch（保留缓存）',
    'reflector.watch-open-failed': 'watch 请求失败：{code} {reason}',
    'reflector.watch-error': 'watch 收到 ERROR {code} {reason}',
    'reflector.bookmark': '收到 BOOKMARK：lastSyncResourceVersion = "{rv}"',
    'reflector.event': '事件通知：{type} {key} rv={rv}',
    'reflector.very-short-watch': 'watch 过短（{lastedMs} 毫秒，没有事件）：按错误处理',
    'reflector.watch-closed': 'watch 在 {events} 个事件后正常关闭：从 "{rv}" 重新 watch（不重新列举）',
    'reflector.resync-skipped': '重新同步（resync）检查：没有到期的监听器',
    'reflector.backoff': 'ListAndWatch 返回：退避 {delayMs} 毫秒，然后{next}',
    // DeltaFIFO (D*)
    'deltafifo.add': '为 {key} 加入 {type} 增量（rv {rv}）',
    'deltafifo.delete-ignored': '忽略对未知键 {key} 的删除',
    'deltafifo.tombstone': '为已消失的 {key} 加入 Deleted(DeletedFinalStateUnknown) 墓碑对象',
    'deltafifo.resync': 'Resync：从索引器加入 {synced} 个 Sync 增量（不请求服务器）',
    // 新版模式（client-go v0.36.3）
    'reflector.watch-list':
      'watch-list 请求：从 resourceVersion="{rv}" 开始 WATCH，sendInitialEvents=true，resourceVersionMatch=NotOlderThan（超时 {timeoutSeconds} 秒，启用 bookmark）',
    'reflector.initial-event': '初始事件：{type} {key} rv={rv} 放入临时存储',
    'reflector.initial-bookmark': '初始事件期间收到 BOOKMARK rv={rv}：不加入队列',
    'reflector.initial-events-end':
      '收到 BOOKMARK k8s.io/initial-events-end，"{rv}"：已流式接收 {items} 个对象，该流继续作为 watch',
    'reflector.watch-list-backoff': 'watch-list 请求失败（{reason}）：退避 {delayMs} 毫秒后重试',
    'reflector.watch-list-expired': 'watch-list 失败，{code} {reason}：立即从 resourceVersion="" 重试',
    'reflector.watch-list-failed': 'watch-list 失败，{code} {reason}：退回到 LIST，然后 WATCH',
    'reflector.watch-list-very-short':
      'watch-list 流在 {lastedMs} 毫秒后关闭且没有事件：退回到 LIST，然后 WATCH',
    'reflector.watch-list-closed': 'watch-list 流在结束 BOOKMARK 之前关闭（{events} 个事件）：从 "{rv}" 重试',
    'reflector.replace-all': 'Replace（{items} 个条目，"{rv}"）：加入一个 ReplacedAll 增量',
    'realfifo.add': '为 {key} 追加 {type} 增量（rv {rv}）',
    'realfifo.bookmark': '追加 Bookmark 增量（rv {rv}）',
    'realfifo.resync': 'Resync：追加一个 SyncAll 增量（不请求服务器）',
    // Informer (SI*)
    'informer.pop': '弹出 {key}（Pop）：[{deltas}]',
    'informer.pop-batch': '批量弹出（PopBatch）：{count} 个增量 [{deltas}]',
    'informer.store-add': '{type}：{key} 不在缓存中 → {batch}Add',
    'informer.store-update': '{type}：{key} 已在缓存中 → {batch}Update',
    'informer.store-delete': '{type}：从索引器删除 {key}（{batch}Delete）',
    'informer.replaced-all':
      'ReplacedAll（"{rv}"）：用 {items} 个对象整体替换索引器（Indexer），{tombstones} 个缓存对象已消失',
    'indexer.transaction':
      '在一把锁下执行 {ops} 个操作的事务（Transaction）；共 {size} 个对象，索引器的 RV 为 "{rv}"',
    'indexer.replace': '整体替换（Replace）：共 {size} 个对象，索引器的 RV 为 "{rv}"',
    'indexer.bookmark': 'Bookmark：索引器的 resourceVersion 变为 "{rv}"（对象不变）',
    'informer.indexer-add': '{type}：{key} 不在缓存中 → indexer.Add',
    'informer.indexer-update': '{type}：{key} 已在缓存中 → indexer.Update',
    'informer.indexer-delete': '{type}：从索引器删除 {key}（indexer.Delete）',
    'indexer.add': '存入 {key}（rv {rv}）；共 {size} 个对象',
    'indexer.update': '更新 {key}（rv {rv}）；共 {size} 个对象',
    'indexer.delete': '移除 {key}；共 {size} 个对象',
    'informer.handler-added':
      '事件处理函数 {handler} 加入运行中的 Informer：{initialAdds} 次初始 OnAdd（isInInitialList=true）',
    'informer.dispatch': '把 {key} 的 {callback} 分发给 {listeners} 个监听器',
    // Handlers (C2)
    'handler.OnAdd': '{handler}：OnAdd {key} rv={rv}（lister 中为 {listerRv}）',
    'handler.OnUpdate': '{handler}：OnUpdate {key} {oldRv} → {rv}（lister 中为 {listerRv}）',
    'handler.OnDelete': '{handler}：OnDelete {key}（lister 中为 {listerRv}）',
    'handler.foo-delete-ignored': 'Foo 没有 DeleteFunc：不入队',
    'handler.resync-dropped': 'resourceVersion {rv} 未变：丢弃周期性的重新同步',
    'handler.tombstone-invalid': '墓碑对象里没有对象：忽略',
    'handler.tombstone-unwrapped': '解开墓碑对象 DeletedFinalStateUnknown {key}（rv {rv}）',
    'handler.not-owned': '{key} 没有 Foo 控制器：忽略',
    // Controller mistakes (settings.mistakes): the mistake's setting name stays in English.
    'handler.foo-resync-dropped':
      'filterAllResyncs：Foo {key} 的 resourceVersion {rv} 未变，被丢弃：周期性的重新同步（resync）不再把 Foo 重新入队',
    'handler.no-change-seen':
      'noDeepCopy：OnUpdate {key} {oldRv} → {rv} 只有 resourceVersion 不同：缓存里的旧对象已被改写（availableReplicas {availableReplicas}），所以比较新旧对象看不出变化',
    'handler.tombstone-not-unwrapped':
      'noTombstoneUnwrap："error decoding object, invalid type"：忽略墓碑对象 DeletedFinalStateUnknown {key}，它所属的 Foo 没有入队',
    'handler.owner-lookup': '在 Foo lister 中查找所属对象 {owner}：{found}',
    'handler.orphan-ignored': '找不到所属对象 {owner}：忽略这个孤儿对象',
    'workqueue.add': 'Add {key}：{result}（深度 {depth}）',
    // Workqueue and workers (W*, C3, C4)
    'workqueue.delayed-ready': '{key} 的延迟结束，已就绪（深度 {depth}）',
    'controller.caches-synced': '缓存已同步：启动 {workers} 个 Worker',
    'worker.get': 'Worker {worker}：Get → {key}（深度 {depth}）',
    'worker.get-foo': 'Worker {worker}：lister 中的 Foo {key}：{found}（rv {rv}）',
    'worker.get-deployment': 'Worker {worker}：lister 中的 Deployment {key}：{found}（rv {rv}）',
    'worker.foo-gone': 'Worker {worker}：Foo {key} 已不存在：结束',
    'worker.no-deployment-name': 'Worker {worker}：spec.deploymentName 为空：结束',
    'worker.invalid-key': 'Worker {worker}：无效的键 {key}',
    'worker.injected-failure': 'Worker {worker}：{key} 的调和失败（注入的故障）',
    'worker.not-controlled': 'Worker {worker}：{key} 不受这个 Foo 控制',
    'client.request': 'Worker {worker}：发送 {verb} {kind} {key}',
    'client.response-ok': 'Worker {worker} 收到响应：{stage} → {code}（rv {rv}）',
    'client.response-error': 'Worker {worker} 收到响应：{stage} → {code} {reason}',
    'worker.cache-mutated':
      'Worker {worker}：noDeepCopy：直接在 lister 自己的 Foo {key} 上把 status.availableReplicas 从 {was} 改为 {availableReplicas}：缓存里的 rv {rv} 现在带着服务器从未有过的 status',
    'worker.mutated-stale-object':
      'Worker {worker}：noDeepCopy：在它的 Foo {key}（rv {rv}）上把 status.availableReplicas 从 {was} 改为 {availableReplicas}，而缓存早已替换了这个对象',
    'worker.forget-skipped':
      'Worker {worker}：成功，但 noForget：没有调用 Forget {key}，NumRequeues 仍为 {requeues}，下一次失败会从这里接着退避',
    'worker.done-skipped': 'Worker {worker}：noDone：没有调用 Done {key}，所以 {key} 永远留在 processing 中',
    'workqueue.add-stuck':
      'noDone：{key} 被标记为 dirty，但仍在 processing 中且没有 Worker 持有它：它再也不会入队',
    'worker.forget': 'Worker {worker}：成功，Forget {key}',
    'worker.add-rate-limited':
      'Worker {worker}：{error}：AddRateLimited {key}，{delayMs} 毫秒后重试（已重新入队 {requeues} 次）',
    'worker.done': 'Worker {worker}：调用 Done {key}{requeued}',
    // REST client (K1–K6): client-go 1.26's log wording (K3). [1.36] logs "Waited before sending request"
    // as a structured line instead (sim/rest-actors.ts restDepart).
    'rest.throttled':
      '{client} 客户端限流，client-go 日志：Waited for {waited} due to client-side throttling, not priority and fairness, request: {verb}:{url}',
    'rest.throttled-structured':
      '{client} 客户端限流，client-go 结构化日志："Waited before sending request" delay="{waited}" reason="client-side throttling, not priority and fairness" verb="{verb}" URL="{url}"',
    'rest.retry-throttled-structured':
      '{client} 重试前又等待了令牌，client-go 结构化日志："Waited before sending request" delay="{waited}" reason="retries: {retries}, retry-after: {retryAfter}s - retry-reason: {retryReason}" verb="{verb}" URL="{url}"',
    'rest.throttled-quiet': '{client}：{verb} 等待令牌 {waitedMs} 毫秒（不到 50 毫秒，client-go 不记日志）',
    'rest.retry-after':
      '{client}：第 {attempt} 次尝试（共 11 次）得到 {code} {reason}，带 Retry-After: {retryAfter}：睡眠 {retryAfter} 秒后重试',
    'rest.retry-throttled':
      '{client} 重试前又等待了令牌，client-go 日志：Waited for {waited}, retries: {retries}, retry-after: {retryAfter}s - retry-reason: {retryReason} - request: {verb}:{url}',
    'rest.retry':
      '第 {attempt} 次尝试（共 11 次）发出（等待令牌 {waitedMs} 毫秒）。client-go 日志：Got a Retry-After {retryAfter}s response for attempt {failed} to {url}',
    'rest.retries-exhausted':
      '{client}：第 {attempts} 次尝试（共 11 次）仍是 {code} {reason}：重试用完，错误交给调用方',
    // API server (S*)
    'apiserver.list': 'LIST {kind} rv="{rv}" → {code}，修订版本 {listRv} 上的 {items} 个条目{servedBy}',
    'apiserver.watch': '从 "{rv}" 开始 WATCH {kind} → {outcome}',
    'apiserver.watch-timeout': 'watch {watchId} 到达超时：流结束（没有 ERROR）',
    'apiserver.bookmark': '向 watch {watchId} 发送修订版本 {rv} 的 BOOKMARK',
    'apiserver.write': '处理写请求：{verb} {kind} {key} → {code} {reason}{noop}',
    'apiserver.rollout': '{key} 的一个副本已就绪：status.availableReplicas → {replicas} / {desired}',
    'apiserver.gc': '删除孤儿 Deployment {key}',
    'apiserver.compaction':
      'APIServer 的压缩器写入 compact_rev_key（修订版本 {revision}）；etcd 压缩到修订版本 {compactedRv}：更早的精确列举和 continue 令牌会得到 410，watch 不受影响',
    'apiserver.started':
      'APIServer 重新启动：每种资源的 watch 缓存从 etcd 的修订版本 {listRv} 重新初始化（{cacheInitMs} 毫秒后就绪）；更旧的 watch 会得到 410',
    'apiserver.connect':
      '控制器建立第 {connections} 个 HTTP/2 连接：负载均衡器把它放在 APIServer 实例 {replica} 上；在连接断开或收到 GOAWAY 之前，它的请求都留在那里',
    'apiserver.goaway':
      'APIServer 实例 {replica} 随应答发送 GOAWAY（--goaway-chance）：已打开的 watch 继续，控制器的下一个请求会建立新连接',
    'apiserver.replica-started':
      'APIServer 实例 {replica} 重新启动：它的 watch 缓存从 etcd 的修订版本 {listRv} 重新初始化（{cacheInitMs} 毫秒后就绪）；其他实例没有受到影响',
    'apiserver.wait-fresh':
      '{kind} 的 watch 缓存位于修订版本 {cacheRv}，低于 {target}：请求等待（最多 3 秒），其间 Cacher 每 100 毫秒向 etcd 请求一次进度通知',
    'apiserver.consistent-fallback':
      '3 秒后 {kind} 的 watch 缓存仍在修订版本 {cacheRv}，低于 {target}：这次一致性读取改从 etcd 读取',
    'apiserver.cache-not-ready':
      '{kind} 的 watch 缓存正在重新初始化：{verb} 返回 429 TooManyRequests，Retry-After: {retryAfter}',
    'recorder.event': '事件记录器通过 CoreV1 客户端写入 Event {reason}（{eventType}）→ {code}',
    // Script and faults
    'user.write': '用户执行 {verb} {kind} {key} → {code} {reason}{noop}',
    'fault.close-watch': '服务器关闭的 watch：{watchIds}',
    'fault.watch-error': '注入的故障：以 ERROR {code} 结束的 watch：{watchIds}',
    'fault.compact':
      'etcd 已压缩到修订版本 {rv}：在它之前的精确列举和 continue 令牌失效；watch 由 watch 缓存提供，不受影响',
    'fault.restart': 'APIServer 停止 {downtimeMs} 毫秒：它的 watch 全部结束（{watchIds}），连接被拒绝',
    'fault.restart-replica':
      'APIServer 实例 {replica} 停止 {downtimeMs} 毫秒：它提供的 watch 结束（{watchIds}），它上面的连接断开（{connections} 个）；其他实例照常运行',
    'fault.lag-replica':
      'APIServer 实例 {replica} 的 watch 缓存在 {durationMs} 毫秒内晚 {lagMs} 毫秒收到 etcd 的事件',
    'fault.refuse-connections': 'APIServer 在 {durationMs} 毫秒内拒绝连接',
    'fault.api-errors': 'APIServer 在 {durationMs} 毫秒内以 {code} 应答（Retry-After: {retryAfter}）',
    'fault.add-latency': '{durationMs} 毫秒内延迟增加 {extraMs} 毫秒',
    'fault.slow-handlers': '{durationMs} 毫秒内资源事件处理函数每次多花 {extraMs} 毫秒',
    'fault.fail-reconciles': '接下来的 {count} 次调和会失败',
  },
  tokens: {
    result: {
      queued: '入队',
      'already-dirty': '已在 dirty 集合中（合并）',
      'dirty-while-processing': '正在处理中：记入 dirty，Done 后再次入队',
      'shutting-down': '队列正在关闭',
    },
    outcome: {
      open: '已打开，重放 {replayed} 个事件',
      'too-old': '资源版本过旧：先发送一个 ERROR 事件，然后关闭流',
      'too-large':
        '缓存 3 秒内没有追上该修订版本：先发送一个 ERROR 事件（504 Too large resource version），然后关闭流',
      error: '{code} {reason}',
    },
    servedBy: {
      etcd: '（来自 etcd）',
      cache: '（来自 watch 缓存）',
      snapshot: '（来自 watch 缓存的快照）',
      none: '',
    },
    next: { relist: '重新列举（relist）' },
    stage: {
      'create-deployment': '创建 Deployment',
      'update-deployment': '更新 Deployment',
      'update-status': '更新 Foo 的 status',
    },
    error: {
      injected: '注入的故障',
      'not-controlled': 'Deployment 不受这个 Foo 控制',
      status: '错误 {code} {reason}',
    },
    found: { true: '找到', false: '未找到' },
    requeued: { true: '（处理期间又被加入：再次入队）', false: '' },
    noop: { true: '空操作：没有新的修订版本，也没有事件', false: '' },
    retryReason: {
      'server-side-throttling': 'due to server-side throttling, FlowSchema UID: ""',
      status: '{code}',
    },
    batch: { true: 'Transaction 中的 ', false: 'indexer.' },
  },
  optional: { replica: '（APIServer 实例 {replica}）' },
};
