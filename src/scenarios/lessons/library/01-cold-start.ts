/** Lesson 1: cold start: LIST, Replace, the initial adds, HasSynced, then WATCH (R4, R7, R9, D7, D11, SI6, SI9). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: cold-start
  number: 1
  title:
    en: 'Cold start: LIST, Replace, the initial adds, HasSynced, then WATCH'
    zh: 冷启动：LIST、Replace、初始 OnAdd、HasSynced，然后 WATCH
  summary:
    en: >-
      How an informer fills its cache before it watches: one LIST, one Replace into the DeltaFIFO, an OnAdd
      per object flagged isInInitialList, HasSynced, and only then a WATCH from the list's resourceVersion.
    zh: >-
      Informer 在 watch 之前如何填满本地缓存：一次 LIST，一次 Replace 放入 DeltaFIFO（增量队列），
      每个对象一次带 isInInitialList 的 OnAdd，然后 HasSynced，最后才从列表的 ResourceVersion（资源版本）开始 WATCH。
rules: [R4, R7, R9, D7, D11, SI6, SI9]
steps: 75
seed: 1
settings:
  era: classic
  resyncPeriod: 0
  latency:
    handler: { min: 30ms, max: 60ms }
objects:
  - kind: Foo
    metadata: { name: alpha }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Foo
    metadata: { name: beta }
    spec: { deploymentName: beta, replicas: 2 }
  - kind: Deployment
    metadata:
      name: alpha
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: alpha, controller: true }]
    spec: { replicas: 1 }
script:
  - { at: 2s, action: update, target: { kind: Foo, name: beta }, spec: { replicas: 3 } }
narration:
  - when: { message: reflector.list, lane: Foo }
    text:
      en: >-
        The Foo informer starts. Its Reflector does not watch yet: it first LISTs every Foo, with
        resourceVersion="0", which lets the API server answer from its watch cache.
      zh: >-
        Foo 的 Informer 启动了。它的 Reflector 不会先 watch，而是先 LIST 所有 Foo，
        resourceVersion="0" 表示 APIServer 可以直接用 watch 缓存回答。
  - when: { message: apiserver.list, lane: Foo }
    text:
      en: >-
        The answer holds {items} Foos and the list's own resourceVersion, {listRv}: the watch cache's
        revision for Foos, up to which it has seen every Foo change. It is not the resourceVersion of
        any one item, and it can be below etcd's revision: other kinds' writes do not move it (S3).
      zh: >-
        响应里有 {items} 个 Foo，以及列表自己的 ResourceVersion（资源版本）{listRv}：Foo 的 watch 缓存
        的修订号，截至这个修订号它已看到所有 Foo 的变化。它不是某个对象的资源版本，而且可能低于 etcd 的
        修订号：其他类型的写入不会推动它（S3）。
  - when: { message: reflector.replace, lane: Foo }
    text:
      en: >-
        Replace hands the whole list to the DeltaFIFO in one call: one Replaced delta per Foo.
        lastSyncResourceVersion becomes "{rv}", and in the same step the Reflector asks to WATCH from
        exactly there.
      zh: >-
        Replace 一次性把整个列表交给 DeltaFIFO（增量队列）：每个 Foo 一个 Replaced 增量（Delta）。
        lastSyncResourceVersion 变为 "{rv}"，Reflector 在同一步里就从这里开始 WATCH。
  - when: { message: informer.pop, lane: Foo }
    text:
      en: >-
        The informer Pops {key}. Under the FIFO lock it stores the object in the indexer, then dispatches
        OnAdd, because the key was not cached yet. isInInitialList={isInInitialList}: the item belongs to
        the first list.
      zh: >-
        Informer 弹出（Pop）{key}。在 FIFO 锁内先把对象存进索引器（Indexer），再分发 OnAdd，
        因为这个键还不在缓存里。isInInitialList={isInInitialList}：它属于第一次列举的结果。
  - when: { message: apiserver.watch, lane: Foo }
    text:
      en: >-
        The WATCH from "{rv}" opens with nothing to replay: everything up to that revision was in the list.
      zh: >-
        从 "{rv}" 开始的 WATCH 打开了，没有需要重放的事件：该修订号之前的一切都已在列表里。
  - when: { message: handler.OnAdd, lane: Deployment }
    text:
      en: >-
        Handlers run on their own goroutines, a little after the dispatch. deployment-handler sees
        Deployment {key}, follows its owner reference to the Foo and enqueues the Foo's key.
      zh: >-
        资源事件处理函数在自己的协程里运行，比分发晚一点。deployment-handler 看到 Deployment {key}，
        顺着 ownerReference 找到所属的 Foo，把 Foo 的键加入工作队列（Workqueue）。
  - when: { message: handler.OnAdd, lane: Foo }
    text:
      en: >-
        foo-handler's OnAdd enqueues {key} too. The key is already waiting in the workqueue, so it stays
        there once.
      zh: >-
        foo-handler 的 OnAdd 也把 {key} 加入队列。这个键已经在工作队列里等待，所以队列里仍只有一份。
  - when: { message: controller.caches-synced }
    text:
      en: >-
        HasSynced: both DeltaFIFOs have popped every item of their first list. WaitForCacheSync, polling
        every 100 ms, returns and the controller starts its {workers} workers.
      zh: >-
        HasSynced：两个 DeltaFIFO 都已弹出第一次列举的全部条目。每 100 毫秒轮询一次的 WaitForCacheSync
        返回，控制器启动 {workers} 个 Worker（工作协程）。
  - when: { message: handler.OnAdd, key: default/beta, lane: Foo }
    text:
      en: >-
        Look at the order: foo-handler's OnAdd for beta runs only now, after the workers started.
        WaitForCacheSync waited for the informers, not for the handlers' buffers.
      zh: >-
        注意顺序：foo-handler 对 beta 的 OnAdd 现在才运行，在 Worker 启动之后。
        WaitForCacheSync 等的是 Informer，而不是各个事件处理函数的缓冲区。
  - when: { message: reflector.event, lane: Foo }
    after: { message: user.write }
    text:
      en: >-
        From now on changes arrive as watch events: a user changed beta, and {type} {key} rv={rv} travels
        Reflector → DeltaFIFO → informer → handler → workqueue. No more LIST.
      zh: >-
        从现在起，变化以事件通知的形式到达：用户修改了 beta，{type} {key} rv={rv} 依次经过
        Reflector → DeltaFIFO → Informer → 事件处理函数 → 工作队列。不再需要 LIST。
pauses:
  - id: replace-deltas
    before: { message: reflector.replace, lane: Foo }
    question:
      en: The Foo LIST returned 2 Foos at resourceVersion 3. What does the Reflector put into the DeltaFIFO?
      zh: Foo 的 LIST 在资源版本 3 返回了 2 个 Foo。Reflector 往 DeltaFIFO 里放了什么？
    choices:
      - id: added
        text:
          en: Two Added deltas, as if two ADDED watch events had arrived
          zh: 两个 Added 增量，就像收到了两个 ADDED 事件通知
        check: { count: { match: { message: informer.pop, lane: Foo, params: { deltas: Added } }, min: 2 } }
      - id: replaced
        text:
          en: Two Replaced deltas, one per listed Foo
          zh: 两个 Replaced 增量，每个列出的 Foo 一个
        check: { count: { match: { message: informer.pop, lane: Foo, params: { deltas: Replaced } }, min: 2 } }
      - id: indexer
        text:
          en: Nothing; the list goes straight into the indexer
          zh: 什么也不放；列表直接写进索引器
        check: { count: { match: { message: informer.pop, lane: Foo }, max: 0 } }
    answer: replaced
    explanation:
      en: >-
        Replace queues one Replaced delta per listed object (D7; shared informers turn on
        EmitDeltaTypeReplaced). The informer still picks OnAdd or OnUpdate by looking at its cache (SI2):
        these keys are not cached yet, so the handlers get OnAdd with isInInitialList=true.
      zh: >-
        Replace 为每个列出的对象放入一个 Replaced 增量（D7；共享 Informer 打开了 EmitDeltaTypeReplaced）。
        Informer 仍然根据本地缓存决定调用 OnAdd 还是 OnUpdate（SI2）：这些键还不在缓存里，
        所以回调函数收到带 isInInitialList=true 的 OnAdd。
    reveal: { message: informer.pop, lane: Foo }
    within: 5
  - id: synced-before-handlers
    before: { message: controller.caches-synced }
    question:
      en: >-
        WaitForCacheSync is about to return and start the workers. Has foo-handler already run OnAdd for
        both Foos?
      zh: WaitForCacheSync 即将返回并启动 Worker。foo-handler 是否已经为两个 Foo 都运行了 OnAdd？
    choices:
      - id: both
        text:
          en: Yes, HasSynced waits for the handlers too
          zh: 是的，HasSynced 也会等待事件处理函数
        check: { count: { match: { message: handler.OnAdd, params: { handler: foo-handler } }, max: 0 } }
      - id: not-beta
        text:
          en: No, beta's OnAdd runs after the workers have started
          zh: 没有，beta 的 OnAdd 在 Worker 启动之后才运行
        check:
          sequence:
            - { message: controller.caches-synced }
            - { message: handler.OnAdd, key: default/beta, params: { handler: foo-handler } }
      - id: none
        text:
          en: No, foo-handler has not run a single OnAdd yet
          zh: 没有，foo-handler 一次 OnAdd 都还没运行
        check: { count: { match: { message: handler.OnAdd, params: { handler: foo-handler } }, min: 2 } }
    answer: not-beta
    explanation:
      en: >-
        The informer's HasSynced only says that the DeltaFIFO delivered the first list (D11), so the
        indexer holds it. Handlers run behind per-listener buffers on their own goroutines (SI5, SI9): an
        initial OnAdd may still be on its way, and its key reaches the workqueue a little later.
      zh: >-
        Informer 的 HasSynced 只表示 DeltaFIFO 已交付第一次列举的结果（D11），索引器里已有这些对象。
        事件处理函数在各自的协程里、经由每个监听器的缓冲区运行（SI5、SI9）：初始 OnAdd 可能还在路上，
        它的键稍后才进入工作队列。
    reveal: { message: handler.OnAdd }
    within: 10
goal:
  description:
    en: >-
      The Foo informer lists before it watches, watches from the list's resourceVersion with nothing to
      replay, and delivers its first list as initial adds (isInInitialList=true) before HasSynced lets
      the workers start.
    zh: >-
      Foo 的 Informer 先列举再 watch，从列表的资源版本开始 watch 且无需重放，并在 HasSynced 让 Worker
      启动之前，把第一次列举的结果作为初始 OnAdd（isInInitialList=true）交付。
  check:
    all:
      - sequence:
          - { message: reflector.list, lane: Foo, params: { rv: "0" } }
          - { message: apiserver.list, lane: Foo }
          - { message: reflector.replace, lane: Foo, params: { rv: "2" } }
          - { message: reflector.watch, lane: Foo, params: { rv: "2" } }
          - { message: apiserver.watch, lane: Foo, params: { replayed: 0 } }
          - { message: reflector.event, lane: Foo }
      - count:
          match: { message: informer.dispatch, lane: Foo, params: { callback: OnAdd, type: Replaced, isInInitialList: true } }
          min: 2
      - sequence:
          - { message: informer.dispatch, lane: Foo, key: default/beta }
          - { message: controller.caches-synced }
          - { message: worker.get }
`;
