/** Lesson 13: an API server restart: every watch ends, the caches are rebuilt, 410 and a relist at the last RV (S33, S36, S18, R13, R14, R4). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: apiserver-restart
  number: 13
  title:
    en: 'An API server restart: new watch caches, 410, relist'
    zh: APIServer 重启：新的 watch 缓存、410、重新列举
  summary:
    en: >-
      When kube-apiserver restarts, every watch ends and every resource's watch cache is rebuilt from etcd
      at the current revision. A Reflector that comes back with an older resourceVersion gets 410 Gone,
      backs off and relists at that same resourceVersion, which the new cache serves at once.
    zh: >-
      kube-apiserver 重启时，所有 watch 都会结束，每种资源的 watch 缓存都会从 etcd 的当前修订号重建。
      带着更旧资源版本回来的 Reflector 会收到 410 Gone，退避之后以同一个资源版本重新列举，新的缓存立即就能回答。
rules: [S33, S36, S18, R13, R14, R4]
steps: 72
seed: 13
settings:
  era: classic
  resyncPeriod: 0
objects:
  - kind: Foo
    metadata: { name: alpha }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Deployment
    metadata:
      name: alpha
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: alpha, controller: true }]
    spec: { replicas: 1 }
  - kind: Deployment
    metadata: { name: logs }
    spec: { replicas: 1 }
script:
  - { at: 1s, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "1" } }
  - { at: 1500ms, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: web } }
  - { at: 2500ms, action: restartApiServer, downtime: 1s, cacheInit: 300ms }
narration:
  - when: { message: fault.restart }
    text:
      en: >-
        kube-apiserver restarts (an upgrade, a crash, a node drain). For {downtimeMs} ms it is gone: the
        watch connections break, so both informers' watches end without an ERROR event.
      zh: >-
        kube-apiserver 重启了（升级、崩溃或节点排空）。在 {downtimeMs} 毫秒内它不在：watch 连接断开，
        两个 Informer 的 watch 都结束了，没有 ERROR 事件。
  - when: { message: reflector.watch-closed, lane: Foo }
    after: { message: fault.restart }
    text:
      en: >-
        To the Foo Reflector a broken stream looks like a clean close, so it re-watches at once from
        "{rv}" (R11), keeping its cache.
      zh: >-
        在 Foo 的 Reflector 看来，断开的流就像正常关闭，所以它立即从 "{rv}" 重新 watch（R11），保留本地缓存。
  - when: { message: reflector.watch-refused, lane: Foo }
    text:
      en: >-
        Connection refused: nobody listens yet. The Reflector waits {delayMs} ms and tries the watch again,
        still without a relist (R14).
      zh: >-
        连接被拒绝：还没有人在监听。Reflector 等待 {delayMs} 毫秒后再次尝试 watch，仍然不重新列举（R14）。
  - when: { message: apiserver.started }
    text:
      en: >-
        The API server is back. Each resource's Cacher lists etcd again: the new Foo and Deployment watch
        caches start at revision {listRv}, with empty rings (S33). They are ready {cacheInitMs} ms later;
        until then watches wait.
      zh: >-
        APIServer 回来了。每种资源的 Cacher 重新列举 etcd：新的 Foo 和 Deployment watch 缓存从修订号
        {listRv} 开始，环是空的（S33）。它们在 {cacheInitMs} 毫秒后就绪；在此之前 watch 请求要等待。
  - when: { message: apiserver.watch, lane: Foo }
    after: { message: apiserver.started }
    text:
      en: >-
        The new Foo cache cannot replay anything before its start: revision {rv} is older than its list
        revision, so the answer is a stream with one ERROR event (S18, S36).
      zh: >-
        新的 Foo 缓存无法重放它启动之前的任何东西：修订号 {rv} 比它的列举修订号更旧，所以回答是一个只含
        一个 ERROR 事件的流（S18、S36）。
  - when: { message: reflector.watch-error, lane: Foo }
    text:
      en: >-
        {code} {reason}. As with any watch error, ListAndWatch returns and backs off before a relist (R13).
        It is not the Foos that changed: the cache that remembered them is new.
      zh: >-
        {code} {reason}。和任何 watch 错误一样，ListAndWatch 返回，退避之后重新列举（R13）。
        变化的不是 Foo，而是记得它们的那个缓存是新的。
  - when: { message: reflector.list, lane: Foo, params: { relist: true } }
    text:
      en: >-
        The relist asks for resourceVersion "{rv}", the last one it had, without a limit: "not older than
        {rv}" (R4). It does not ask for "" (a read from etcd): a 410 on a watch does not mark the
        resourceVersion unavailable.
      zh: >-
        重新列举请求资源版本 "{rv}"，即它手上的最后一个，不带 limit："不旧于 {rv}"（R4）。它不会请求
        ""（从 etcd 读取）：watch 上的 410 不会把这个资源版本标记为不可用。
  - when: { message: apiserver.list, lane: Foo, params: { servedBy: cache } }
    after: { message: reflector.watch-error, lane: Foo }
    text:
      en: >-
        The new watch cache answers at once: its revision {listRv} is not older than what was asked.
      zh: >-
        新的 watch 缓存立即回答：它的修订号 {listRv} 不旧于所请求的。
  - when: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        Replace reconciles the cache with {items} Foos at "{rv}" and the next watch starts there. Nothing
        was lost; the handlers get same-resourceVersion updates for unchanged Foos.
      zh: >-
        Replace 用 "{rv}" 上的 {items} 个 Foo 调和本地缓存，下一个 watch 从这里开始。没有丢失任何东西；
        没有变化的 Foo 会给事件处理函数带来资源版本相同的更新。
  - when: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        The Deployment informer meets the same 410: after a restart every informer relists, whatever it
        watches.
      zh: >-
        Deployment 的 Informer 遇到同样的 410：重启之后，每个 Informer 都会重新列举，不管它 watch 什么。
pauses:
  - id: after-restart
    before: { message: apiserver.watch, lane: Foo }
    after: { message: apiserver.started }
    question:
      en: >-
        The Foo Reflector's watch from its last resourceVersion reaches the restarted API server, whose
        new Foo cache starts at a later revision. What does the server answer?
      zh: >-
        Foo 的 Reflector 从它最后的资源版本发起的 watch 到达了重启后的 APIServer，而新的 Foo 缓存从更晚的
        修订号开始。服务器会怎样回答？
    choices:
      - id: replay
        text:
          en: The watch opens; nothing changed for Foos, so there is nothing to replay
          zh: watch 正常打开；Foo 没有变化，所以没有需要重放的
        check:
          count:
            match: { message: apiserver.watch, lane: Foo, params: { outcome: open } }
            min: 2
      - id: gone
        text:
          en: 'One ERROR event: 410 Gone, "too old resource version"'
          zh: 一个 ERROR 事件：410 Gone，"too old resource version"
        check: { count: { match: { message: reflector.watch-error, lane: Foo, params: { code: 410 } }, min: 1 } }
      - id: refused
        text:
          en: The connection is refused again and the Reflector keeps retrying
          zh: 连接再次被拒绝，Reflector 继续重试
        check:
          count:
            match: { message: reflector.watch-refused, lane: Foo }
            min: 2
    answer: gone
    explanation:
      en: >-
        A restarted apiserver's caches remember nothing before their start: oldest = list revision + 1, so
        any watch from an older resourceVersion gets 410 (S18, S36). In a real cluster other writes (leases,
        Events) always move the revision, so after a restart every informer sees this.
      zh: >-
        重启后的 APIServer 的缓存不记得启动之前的任何事：oldest = 列举修订号 + 1，所以任何从更旧的资源版本
        开始的 watch 都会得到 410（S18、S36）。在真实集群中，其他写入（租约、Event）总在推动修订号，
        所以重启之后每个 Informer 都会遇到它。
    reveal: { messagePrefix: reflector.watch, lane: Foo }
    within: 6
  - id: relist-rv
    before: { message: reflector.list, lane: Foo, params: { relist: true } }
    question:
      en: After the 410 and the backoff, the Foo Reflector relists. Which resourceVersion does it ask for?
      zh: 收到 410 并退避之后，Foo 的 Reflector 重新列举。它请求哪个资源版本？
    choices:
      - id: last
        text:
          en: Its last resourceVersion, "not older than" that, from the watch cache
          zh: 它最后的资源版本，"不旧于"它，由 watch 缓存回答
        check:
          all:
            - { count: { match: { message: reflector.list, lane: Foo, params: { relist: true, limit: 0 } }, min: 1 } }
            - { count: { match: { message: reflector.list, lane: Foo, params: { relist: true, rv: "" } }, max: 0 } }
      - id: empty
        text:
          en: '"" : a consistent read from etcd'
          zh: '""：从 etcd 一致地读取'
        check: { count: { match: { message: reflector.list, lane: Foo, params: { relist: true, rv: "" } }, min: 1 } }
      - id: zero
        text:
          en: '"0": whatever the cache has'
          zh: '"0"：缓存里有什么就要什么'
        check: { count: { match: { message: reflector.list, lane: Foo, params: { relist: true, rv: "0" } }, min: 1 } }
    answer: last
    explanation:
      en: >-
        A watch's 410 does not mark the resourceVersion unavailable (R13), so the relist uses the last one
        (R4) without a limit, and the new cache, already past it, answers at once. Only a 410 or 504 on the
        LIST itself makes the Reflector fall back to "" (R6).
      zh: >-
        watch 上的 410 不会把资源版本标记为不可用（R13），所以重新列举使用最后的资源版本（R4），不带 limit，
        而已经越过它的新缓存会立即回答。只有 LIST 本身得到 410 或 504，Reflector 才会退回到 ""（R6）。
    reveal: { message: apiserver.list, lane: Foo }
    within: 6
goal:
  description:
    en: >-
      After the API server restarts, the Foo informer gets 410 from the new watch cache, backs off, relists
      at its last resourceVersion and Replaces its cache; the Deployment informer relists too.
    zh: >-
      APIServer 重启之后，Foo 的 Informer 从新的 watch 缓存收到 410，退避，以它最后的资源版本重新列举并
      Replace 本地缓存；Deployment 的 Informer 也重新列举了。
  check:
    all:
      - sequence:
          - { message: fault.restart }
          - { message: apiserver.started }
          - { message: reflector.watch-error, lane: Foo, params: { code: 410 } }
          - { message: reflector.backoff, lane: Foo }
          - { message: reflector.list, lane: Foo, params: { relist: true, limit: 0 } }
          - { message: reflector.replace, lane: Foo, params: { relist: true } }
      - { count: { match: { message: reflector.watch-error, lane: Deployment, params: { code: 410 } }, min: 1 } }
      - { count: { match: { message: reflector.replace, lane: Deployment, params: { relist: true } }, min: 1 } }
`;
