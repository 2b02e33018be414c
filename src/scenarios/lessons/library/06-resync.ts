/** Lesson 6: resync is not relist: same-resourceVersion updates from the cache, and the sync filter (R16, D8, SI3, SI4, C2). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: resync
  number: 6
  title:
    en: 'Resync is not relist'
    zh: 重新同步（resync）不是重新列举（relist）
  summary:
    en: >-
      A periodic resync replays the informer's own cache: Sync deltas, OnUpdate with the same
      resourceVersion on both sides, and no request to the API server. Only handlers whose resync is due
      receive those updates.
    zh: >-
      周期性的重新同步（resync）重放的是 Informer 自己的本地缓存：Sync 增量、新旧资源版本相同的 OnUpdate，
      不向 APIServer 发任何请求。只有 resync 到期的事件处理函数才会收到这些更新。
rules: [R16, R17, D8, SI3, SI4, C2]
steps: 62
seed: 6
settings:
  era: classic
  resyncPeriod: 3s
objects:
  - kind: Foo
    metadata: { name: alpha }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Deployment
    metadata:
      name: alpha
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: alpha, controller: true }]
    spec: { replicas: 1 }
script:
  - { at: 1s, action: addHandler, kind: Foo, name: audit, resyncPeriod: 0 }
  - { at: 4s, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: web } }
narration:
  - when: { message: reflector.watch, lane: Foo }
    text:
      en: >-
        The informers resync every 3 s in this lesson (the sample-controller uses 30 s). Watch what happens
        when the timer fires.
      zh: >-
        本课程中 Informer 每 3 秒重新同步一次（sample-controller 用的是 30 秒）。注意计时器触发时发生了什么。
  - when: { message: informer.handler-added }
    text:
      en: >-
        At 1 s a second handler, {handler}, joins the Foo informer with resync period 0: it wants no resyncs.
        It first gets one OnAdd per cached Foo ({initialAdds}), flagged isInInitialList (SI8).
      zh: >-
        1 秒时，第二个事件处理函数 {handler} 加入 Foo 的 Informer，resync 周期为 0：它不需要重新同步。
        它先为每个缓存中的 Foo 收到一次 OnAdd（共 {initialAdds} 次），带 isInInitialList 标记（SI8）。
  - when: { message: deltafifo.resync, lane: Deployment }
    text:
      en: >-
        3 s: the Deployment informer's resync. It queues a Sync delta for each object of its own cache
        ({synced}); no request goes to the server (R16, D8).
      zh: >-
        3 秒：Deployment 的 Informer 重新同步。它为自己本地缓存中的每个对象放入一个 Sync 增量（共 {synced} 个），
        不向服务器发任何请求（R16、D8）。
  - when: { message: handler.resync-dropped }
    text:
      en: >-
        deployment-handler's UpdateFunc compares resourceVersions: both are {rv}, so this is a periodic
        resync and it returns at once (C2).
      zh: >-
        deployment-handler 的 UpdateFunc 比较资源版本：两边都是 {rv}，所以这是一次周期性的重新同步，立即返回（C2）。
  - when: { message: deltafifo.resync, lane: Foo }
    text:
      en: >-
        The Foo informer's resync: {synced} Sync delta, taken from the indexer.
      zh: >-
        Foo 的 Informer 重新同步：从索引器取出 {synced} 个 Sync 增量。
  - when: { message: informer.dispatch, lane: Foo, params: { type: Sync } }
    text:
      en: >-
        OnUpdate(alpha, alpha) goes to {listeners} listener; {filtered} filtered out. A same-resourceVersion
        update reaches only listeners whose resync is due, and audit asked for none (SI3, SI4).
      zh: >-
        OnUpdate(alpha, alpha) 发给了 {listeners} 个监听器，过滤掉 {filtered} 个。资源版本相同的更新只送给
        resync 到期的监听器，而 audit 不需要 resync（SI3、SI4）。
  - when: { message: handler.OnUpdate, lane: Foo, params: { handler: foo-handler } }
    after: { message: deltafifo.resync, lane: Foo }
    text:
      en: >-
        foo-handler does not filter resyncs: alpha's key is enqueued and reconciled again, and the
        updateStatus changes nothing. That is the point of a resync: a second chance for missed work.
      zh: >-
        foo-handler 不过滤重新同步：alpha 的键入队并再次被调和，updateStatus 什么也没改变。
        这正是 resync 的意义：给漏掉的工作第二次机会。
  - when: { message: handler.OnUpdate, lane: Foo, params: { handler: audit } }
    text:
      en: >-
        A real change, the user's patch at 4 s ({oldRv} → {rv}), reaches audit too: the sync filter holds
        back only same-resourceVersion updates.
      zh: >-
        真正的修改（4 秒时用户的 patch，{oldRv} → {rv}）也送到了 audit：sync 过滤只拦下资源版本相同的更新。
pauses:
  - id: what-resync-does
    before: { message: deltafifo.resync, lane: Foo }
    question:
      en: The Foo informer's resync timer fires. What does the Reflector do?
      zh: Foo 的 Informer 的 resync 计时器触发了。Reflector 会做什么？
    choices:
      - id: relist
        text:
          en: It LISTs every Foo from the API server and Replaces its cache
          zh: 向 APIServer LIST 所有 Foo，并 Replace 本地缓存
        check: { count: { match: { message: apiserver.list, lane: Foo }, min: 1 } }
      - id: sync
        text:
          en: It queues a Sync delta for each cached Foo; no request goes to the server
          zh: 为每个缓存中的 Foo 放入一个 Sync 增量；不向服务器发请求
        check:
          all:
            - sequence:
                - { message: deltafifo.resync, lane: Foo }
                - { message: informer.pop, lane: Foo, params: { deltas: Sync } }
            - { count: { match: { message: apiserver.list }, max: 0 } }
      - id: nothing
        text:
          en: Nothing, because no Foo changed
          zh: 什么也不做，因为没有 Foo 变化
        check: { count: { match: { message: informer.pop, lane: Foo }, max: 0 } }
    answer: sync
    explanation:
      en: >-
        Resync (R16) calls the DeltaFIFO's Resync, which queues Sync deltas from its known objects, the
        indexer (D8); keys with deltas already queued are skipped so no stale copy overtakes them.
      zh: >-
        resync（R16）调用 DeltaFIFO 的 Resync，从已知对象（即索引器）放入 Sync 增量（D8）；
        已有排队增量的键会被跳过，以免旧副本插到新增量前面。
    reveal: { message: informer.pop, lane: Foo }
    within: 5
  - id: who-gets-sync
    before: { message: informer.dispatch, lane: Foo, params: { type: Sync } }
    question:
      en: The informer dispatches OnUpdate(alpha, alpha) for the Sync delta. Which handlers run it?
      zh: Informer 为 Sync 增量分发 OnUpdate(alpha, alpha)。哪些事件处理函数会运行它？
    choices:
      - id: both
        text:
          en: foo-handler and audit
          zh: foo-handler 和 audit
        check: { count: { match: { message: handler.OnUpdate, params: { handler: audit } }, min: 1 } }
      - id: foo-only
        text:
          en: Only foo-handler, because audit's resync period is 0
          zh: 只有 foo-handler，因为 audit 的 resync 周期是 0
        check:
          all:
            - { count: { match: { message: handler.OnUpdate, params: { handler: foo-handler } }, min: 1 } }
            - { count: { match: { message: handler.OnUpdate, params: { handler: audit } }, max: 0 } }
      - id: none
        text:
          en: Neither, because the resourceVersion did not change
          zh: 都不运行，因为资源版本没有变化
        check: { count: { match: { message: handler.OnUpdate, lane: Foo }, max: 0 } }
    answer: foo-only
    explanation:
      en: >-
        An update whose old and new objects share a resourceVersion is a sync notification. At each resync
        check every listener's flag is set to "is my resync due now"; sync notifications go only to flagged
        listeners (SI3). Real changes reach every listener.
      zh: >-
        新旧对象资源版本相同的更新是 sync 通知。每次 resync 检查时，每个监听器的标记都被设为"我的 resync
        现在是否到期"；sync 通知只发给带标记的监听器（SI3）。真正的修改会送到每个监听器。
    reveal: { message: informer.dispatch, lane: Foo }
    within: 5
goal:
  description:
    en: >-
      The Foo resync re-delivers alpha from the cache without a LIST; the same-resourceVersion update
      reaches foo-handler but not audit, which only sees the real change.
    zh: >-
      Foo 的 resync 不做 LIST，从本地缓存重新交付 alpha；资源版本相同的更新送到了 foo-handler 而没有送到
      audit，audit 只看到真正的修改。
  check:
    all:
      - sequence:
          - { message: deltafifo.resync, lane: Foo }
          - { message: informer.pop, lane: Foo, params: { deltas: Sync } }
          - { message: informer.dispatch, lane: Foo, params: { type: Sync, isSync: true, filtered: 1 } }
          - { message: handler.OnUpdate, lane: Foo, params: { handler: foo-handler } }
      - absentBetween:
          absent: { message: apiserver.list }
          after: { message: deltafifo.resync, lane: Foo }
          before: { message: handler.OnUpdate, lane: Foo }
      - { count: { match: { message: handler.OnUpdate, params: { handler: audit } }, min: 1, max: 1 } }
      - { count: { match: { message: handler.resync-dropped }, min: 1 } }
`;
