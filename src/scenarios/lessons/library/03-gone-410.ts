/** Lesson 3: 410 Gone: the Foo ring moves past a Reflector that was away while Foos churned; relist (R13, S18, S19, S36, R15, SI3). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: gone-410
  number: 3
  title:
    en: '410 Gone: the Foo watch cache moves on, the Reflector relists'
    zh: 410 Gone：Foo 的 watch 缓存已经移走，Reflector 重新列举
  summary:
    en: >-
      The API server keeps, for each resource, a ring of that resource's recent events in its watch
      cache. A Reflector that was away while Foos kept changing comes back with a resourceVersion older
      than the Foo ring reaches: it gets 410 Gone, backs off and relists; its handlers then see an
      OnUpdate for every Foo, changed or not.
    zh: >-
      APIServer 的 watch 缓存为每种资源保留一个环，存放这种资源最近的事件。Reflector 离开期间 Foo
      不断变化，它回来时带的资源版本比 Foo 环能追溯到的更旧：于是收到 410 Gone（资源版本过旧），
      退避并重新列举（relist）；之后它的事件处理函数会为每个 Foo 收到一次 OnUpdate，不管它有没有变化。
rules: [R13, S18, S19, S36, R15, SI3]
steps: 140
seed: 3
settings:
  era: classic
  resyncPeriod: 0
  historyWindow: 10
  bookmarkInterval: 0
objects:
  - kind: Foo
    metadata: { name: alpha }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Foo
    metadata: { name: beta }
    spec: { deploymentName: beta, replicas: 1 }
  - kind: Foo
    metadata: { name: batch }
    spec: { deploymentName: batch, replicas: 1 }
  - kind: Deployment
    metadata:
      name: alpha
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: alpha, controller: true }]
    spec: { replicas: 1 }
  - kind: Deployment
    metadata:
      name: beta
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: beta, controller: true }]
    spec: { replicas: 1 }
  - kind: Deployment
    metadata:
      name: batch
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: batch, controller: true }]
    spec: { replicas: 1 }
  - kind: Deployment
    metadata: { name: logs }
    spec: { replicas: 1 }
script:
  - { at: 2s, action: closeWatch, kind: Foo }
  - { at: 2s, action: addLatency, extra: 1500ms, duration: 200ms }
  - { at: 2200ms, action: update, target: { kind: Foo, name: beta }, spec: { replicas: 2 } }
  - { at: 2300ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "1" } }
  - { at: 2380ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "2" } }
  - { at: 2460ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "3" } }
  - { at: 2540ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "4" } }
  - { at: 2620ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "5" } }
  - { at: 2700ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "6" } }
  - { at: 2780ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "7" } }
  - { at: 2860ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "8" } }
  - { at: 2940ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "9" } }
  - { at: 3020ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "10" } }
  - { at: 3100ms, action: patch, target: { kind: Foo, name: batch }, labels: { rev: "11" } }
  - { at: 2340ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "1" } }
  - { at: 2640ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "2" } }
  - { at: 2940ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "3" } }
narration:
  - when: { message: reflector.watch, lane: Foo }
    text:
      en: >-
        Both informers have listed and watch from "{rv}". The API server keeps one watch cache per
        resource, each with a ring of that resource's recent events. In this lesson each ring holds only 10
        events: a real one holds at least 100 and grows while its oldest event is younger than 75 s (S19),
        so this is a compression of time.
      zh: >-
        两个 Informer 都已列举完毕，从 "{rv}" 开始 watch。APIServer 为每种资源保留一个 watch 缓存，
        每个缓存有一个环，存放这种资源最近的事件。本课程中每个环只保存 10 个事件：真实的环至少保存 100 个，
        并且在最旧的事件不到 75 秒时还会扩大（S19），所以这是对时间的压缩。
  - when: { message: fault.close-watch }
    text:
      en: >-
        At 2 s the server drops the Foo watch. That alone is harmless: the Reflector re-watches at once (R11).
      zh: >-
        2 秒时服务器断开了 Foo 的 watch。这本身无害：Reflector 会立即重新 watch（R11）。
  - when: { message: fault.add-latency }
    text:
      en: >-
        But the network is slow for a moment: requests sent now take {extraMs} ms longer, so the re-watch
        will reach the server late.
      zh: >-
        但网络短暂变慢：现在发出的请求要多花 {extraMs} 毫秒，所以重新 watch 的请求会很晚才到达服务器。
  - when: { message: reflector.watch, lane: Foo }
    after: { message: fault.close-watch }
    text:
      en: >-
        The Reflector re-watches from lastSyncResourceVersion "{rv}". The request is on its way.
      zh: >-
        Reflector 从 lastSyncResourceVersion "{rv}" 重新 watch，请求正在路上。
  - when: { message: user.write, key: default/beta }
    text:
      en: >-
        While no Foo watch is open, a user scales beta. The MODIFIED event goes into the Foo ring, but no
        Foo watcher is there to receive it.
      zh: >-
        在没有 Foo watch 的这段时间里，用户扩容了 beta。MODIFIED 事件进入 Foo 的环，
        却没有 Foo 的 watcher 来接收它。
  - when: { message: user.write, key: default/batch }
    text:
      en: >-
        A batch job keeps relabelling Foo batch. Each write is a Foo event: it takes a slot in the Foo
        ring, and once the ring is full the oldest Foo event falls out.
      zh: >-
        一个批处理任务不断给 Foo batch 改标签。每次写入都是一个 Foo 事件：它占用 Foo 环里的一个位置，
        环满之后最旧的 Foo 事件就被挤出去。
  - when: { message: user.write, key: default/logs }
    text:
      en: >-
        Deployment logs changes too. Its events go into the Deployment ring, not the Foo ring: writes to
        other resources never push a Foo watch out (S18).
      zh: >-
        Deployment logs 也在变化。它的事件进入 Deployment 的环，而不是 Foo 的环：其他资源的写入
        永远不会把 Foo 的 watch 挤出去（S18）。
  - when: { message: apiserver.watch, lane: Foo }
    after: { message: fault.close-watch }
    text:
      en: >-
        The watch request finally arrives. The Foo ring no longer reaches back to revision {rv}, so the
        server cannot replay what happened to Foos since. It answers with a stream that holds one ERROR
        event (S18).
      zh: >-
        watch 请求终于到达。Foo 的环已经追溯不到修订号 {rv}，服务器无法重放之后 Foo 发生的事，
        于是返回一个只包含一个 ERROR 事件的流（S18）。
  - when: { message: reflector.watch-error, lane: Foo }
    text:
      en: >-
        {code} {reason}: "too old resource version", the server's word for a revision older than the
        resource's ring reaches. The Reflector cannot resume from there. The watch ended with an error, so ListAndWatch
        returns and backs off before a relist (R13).
      zh: >-
        {code} {reason}："too old resource version"（资源版本过旧）：这个修订号比该资源的环能追溯到的更旧。
        Reflector 无法从那里继续。watch 以错误结束，ListAndWatch 返回，退避之后重新列举（R13）。
  - when: { message: reflector.list, lane: Foo, params: { relist: true } }
    text:
      en: >-
        The relist: LIST at resourceVersion "{rv}" without a limit, so the watch cache serves a state at
        least as new as that revision.
      zh: >-
        重新列举：以 resourceVersion "{rv}"、不带 limit 发起 LIST，watch 缓存返回不旧于该修订号的状态。
  - when: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        Replace with the fresh list: {items} Foos at "{rv}". The cache is not cleared first; Replace
        reconciles it (R15), and the new watch starts from "{rv}".
      zh: >-
        用新的列表执行 Replace：{items} 个 Foo，资源版本 "{rv}"。本地缓存不会先被清空，而是由 Replace
        来调和（R15）；新的 watch 从 "{rv}" 开始。
  - when: { message: handler.OnUpdate, key: default/alpha, lane: Foo }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        alpha did not change, yet foo-handler gets OnUpdate with the same resourceVersion on both sides
        ({oldRv} → {rv}). A relist re-delivers every object, and with no resync configured such same-RV
        updates reach every handler (SI3).
      zh: >-
        alpha 没有变化，foo-handler 却收到了两边资源版本相同的 OnUpdate（{oldRv} → {rv}）。
        重新列举会重新交付每个对象；没有配置 resync 时，这种资源版本相同的更新会送到每个事件处理函数（SI3）。
  - when: { message: handler.OnUpdate, key: default/beta, lane: Foo }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        beta's OnUpdate ({oldRv} → {rv}) carries the change the broken watch never delivered. The handler
        cannot tell that it came from a relist; the controller just reconciles beta to 2 replicas.
      zh: >-
        beta 的 OnUpdate（{oldRv} → {rv}）带来了断掉的 watch 没有送达的修改。事件处理函数分不出它来自
        重新列举；控制器只是把 beta 调和到 2 个副本。
pauses:
  - id: too-old
    before: { message: apiserver.watch, lane: Foo }
    after: { message: fault.close-watch }
    question:
      en: >-
        The Reflector asks to watch Foos from resourceVersion "3". Since then 12 Foo writes (and some
        Deployment writes) went through the server, whose Foo ring holds 10 events. What does the server
        answer?
      zh: >-
        Reflector 请求从资源版本 "3" 开始 watch Foo。此后服务器处理了 12 次 Foo 写入（还有几次 Deployment
        写入），而它的 Foo 环只保存 10 个事件。服务器会怎样回答？
    choices:
      - id: replay
        text:
          en: It replays the Foo events since "5", then sends live events
          zh: 重放 "5" 之后的 Foo 事件，然后发送新的事件
        check: { count: { match: { message: reflector.event, lane: Foo, key: default/beta }, min: 1 } }
      - id: gone
        text:
          en: 'A stream with one ERROR event: 410 Gone, "too old resource version"'
          zh: 一个只含一个 ERROR 事件的流：410 Gone，"too old resource version"
        check: { count: { match: { message: reflector.watch-error, lane: Foo, params: { code: 410 } }, min: 1 } }
      - id: http-error
        text:
          en: The request itself fails with an HTTP error and the Reflector retries the watch
          zh: 请求本身以 HTTP 错误失败，Reflector 重试 watch
        check:
          any:
            - { count: { match: { message: reflector.watch-open-failed, lane: Foo }, min: 1 } }
            - { count: { match: { message: reflector.watch-refused, lane: Foo }, min: 1 } }
    answer: gone
    explanation:
      en: >-
        A resource's watch cache cannot serve a watch from a revision older than its ring reaches. It does
        not fail the HTTP request: it returns 200 and a stream whose only event is ERROR 410 Expired, "too
        old resource version" (S18). Only Foo events count: the Deployment writes did not bring this
        closer. In a real cluster this needs more than 100 Foo events while the client is away (S36).
      zh: >-
        资源的 watch 缓存无法为比它的环能追溯到的更旧的修订号提供 watch。它不会让 HTTP 请求失败，
        而是返回 200 和一个只含 ERROR 410 Expired（"too old resource version"）事件的流（S18）。
        只有 Foo 事件才算数：Deployment 的写入并没有让它更近。真实集群中，这需要客户端离开期间发生
        100 个以上的 Foo 事件（S36）。
    reveal: { messagePrefix: reflector.watch, lane: Foo }
    within: 6
  - id: after-relist
    before: { message: reflector.replace, lane: Foo, params: { relist: true } }
    question:
      en: >-
        The relist returns alpha (unchanged since the start) and beta (scaled while the watch was down).
        What does foo-handler get?
      zh: >-
        重新列举返回了 alpha（自开始以来没有变化）和 beta（在 watch 断开期间被扩容）。foo-handler 会收到什么？
    choices:
      - id: adds
        text:
          en: OnAdd for both, because the relist rebuilds the cache
          zh: 两个都是 OnAdd，因为重新列举会重建缓存
        check: { count: { match: { message: handler.OnAdd, lane: Foo }, min: 1 } }
      - id: updates
        text:
          en: OnUpdate for both, alpha's with the same resourceVersion on both sides
          zh: 两个都是 OnUpdate，其中 alpha 的新旧资源版本相同
        check:
          all:
            - { count: { match: { message: handler.OnUpdate, key: default/alpha, params: { oldRv: "1", rv: "1" } }, min: 1 } }
            - { count: { match: { message: handler.OnUpdate, key: default/beta }, min: 1 } }
      - id: only-beta
        text:
          en: Only OnUpdate for beta, since alpha did not change
          zh: 只有 beta 的 OnUpdate，因为 alpha 没有变化
        check:
          all:
            - { count: { match: { message: handler.OnUpdate, key: default/beta }, min: 1 } }
            - { count: { match: { message: handler.OnUpdate, key: default/alpha }, max: 0 } }
    answer: updates
    explanation:
      en: >-
        Every listed object gets a Replaced delta, and a key that is already cached becomes an OnUpdate
        (SI2). Same-resourceVersion updates are "sync" notifications: they reach only listeners flagged as
        resyncing, and with no resync configured every listener keeps that flag (SI3).
      zh: >-
        每个列出的对象都得到一个 Replaced 增量，已在缓存中的键变成 OnUpdate（SI2）。资源版本相同的更新是
        "sync" 通知：只送给标记为正在 resync 的监听器；没有配置 resync 时，所有监听器一直带着这个标记（SI3）。
    reveal: { message: handler.OnUpdate, lane: Foo }
    within: 12
goal:
  description:
    en: >-
      The Foo Reflector comes back after more Foo events than the Foo ring holds, gets 410 Gone, backs
      off, relists and Replaces its cache, and foo-handler finally sees beta's change.
    zh: >-
      Foo 的 Reflector 回来时，期间的 Foo 事件已经多于 Foo 环的容量；它收到 410 Gone，退避、重新列举并
      Replace 本地缓存，foo-handler 最终看到了 beta 的修改。
  check:
    all:
      - sequence:
          - { message: fault.close-watch }
          - { message: user.write, key: default/beta }
          - { message: reflector.watch-error, lane: Foo, params: { code: 410 } }
          - { message: reflector.backoff, lane: Foo }
          - { message: reflector.list, lane: Foo, params: { relist: true } }
          - { message: reflector.replace, lane: Foo, params: { relist: true } }
          - { message: handler.OnUpdate, lane: Foo, key: default/beta, params: { rv: "11" } }
`;
