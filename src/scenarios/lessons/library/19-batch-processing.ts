/** Lesson 19 (modern): PopBatch and processDeltasInBatch: one transaction, then the callbacks in order (F7, SI7, I7). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: batch-processing
  number: 19
  title:
    en: "PopBatch: the indexer takes the whole batch before any handler runs"
    zh: PopBatch：索引器先接收整批变更，然后事件处理函数才运行
  summary:
    en: >-
      A client-go 1.36 informer pops its RealFIFO in batches: RealFIFO.PopBatch takes up to 1000 entries
      with distinct keys, and processDeltasInBatch applies them to the indexer in one transaction before it
      queues their callbacks. So the handler for the first key of a batch already finds the others' new
      versions in the lister.
    zh: >-
      client-go 1.36 的 Informer 成批地从 RealFIFO 弹出：RealFIFO.PopBatch 最多取 1000 个键互不相同的条目，
      processDeltasInBatch 先在一个事务中把它们写入索引器，再排好它们的回调。所以处理一批中第一个键的事件处理函数，
      已经能在 lister 中看到其他键的新版本。
rules: [F7, SI7, I7, SI5]
steps: 50
seed: 19
settings:
  era: modern
  resyncPeriod: 0
  latency:
    watchDelivery: 20ms
    handler: 0ms
objects:
  - kind: Foo
    metadata: { name: alpha }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Foo
    metadata: { name: beta }
    spec: { deploymentName: beta, replicas: 1 }
  - kind: Foo
    metadata: { name: gamma }
    spec: { deploymentName: gamma, replicas: 1 }
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
      name: gamma
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: gamma, controller: true }]
    spec: { replicas: 1 }
script:
  - { at: 2s, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: gold } }
  - { at: 2s, action: patch, target: { kind: Foo, name: beta }, labels: { tier: gold } }
  - { at: 2s, action: patch, target: { kind: Foo, name: gamma }, labels: { tier: gold } }
narration:
  - when: { message: user.write, key: default/alpha }
    text:
      en: >-
        Three Foos are patched at the same moment: alpha, beta, gamma. Their events reach the Foo Reflector
        together.
      zh: 同一时刻修改了三个 Foo：alpha、beta、gamma。它们的事件通知一起到达 Foo 的 Reflector。
  - when: { message: realfifo.add, lane: Foo, key: default/gamma }
    after: { message: user.write }
    text:
      en: >-
        The RealFIFO now holds three Updated entries with three different keys, in arrival order.
      zh: RealFIFO 现在按到达顺序保存着三个 Updated 条目，它们的键各不相同。
  - when: { message: informer.pop-batch, lane: Foo, params: { batch: true } }
    after: { message: user.write }
    text:
      en: >-
        RealFIFO.PopBatch takes all {count} at once ([{deltas}]): the run of distinct keys from the head, up
        to 1000 (F7). The informer hands them to processDeltasInBatch, not to processDeltas one by one.
      zh: >-
        RealFIFO.PopBatch 一次取走全部 {count} 个（[{deltas}]）：从队头开始、键互不相同的一段，最多 1000 个（F7）。
        Informer 把它们交给 processDeltasInBatch，而不是逐个交给 processDeltas。
  - when: { message: indexer.transaction, lane: Foo }
    after: { message: user.write }
    text:
      en: >-
        processDeltasInBatch decides add or update for each from the indexer as it was, then applies all {ops}
        in one threadSafeMap.Transaction. The lister holds {size} Foos at their new versions, and the
        indexer's resourceVersion is the batch's last object's, {rv} (I7). Only now are the callbacks queued,
        in the batch's order (SI7).
      zh: >-
        processDeltasInBatch 先按索引器原来的内容为每个条目决定是新增还是更新，然后在一次 threadSafeMap.Transaction
        中应用全部 {ops} 个。lister 中的 {size} 个 Foo 都已是新版本，索引器的 resourceVersion 是这批最后一个对象的
        {rv}（I7）。直到这时，回调才按这批的顺序排队（SI7）。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    after: { message: user.write }
    text:
      en: >-
        foo-handler's OnUpdate for alpha (rv {rv}) runs first. A fooLister.List here would already show beta and
        gamma changed too, although their callbacks have not run yet.
      zh: >-
        foo-handler 先运行 alpha 的 OnUpdate（rv {rv}）。此时调用 fooLister.List，会看到 beta 和 gamma 也已经变了，
        尽管它们的回调还没有运行。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/gamma }
    after: { message: user.write }
    text:
      en: >-
        gamma's OnUpdate (rv {rv}) comes last, in the batch's order: batching changes what the lister shows
        a handler, not the order the handler sees.
      zh: >-
        gamma 的 OnUpdate（rv {rv}）按这批的顺序最后运行：批处理改变的是事件处理函数在 lister 里看到的内容，
        而不是它看到事件的顺序。
pauses:
  - id: lister-during-first
    before: { message: informer.pop-batch, lane: Foo, params: { batch: true } }
    after: { message: user.write }
    question:
      en: >-
        The informer is about to pop alpha, beta and gamma as one batch. When foo-handler's OnUpdate for alpha
        runs, what does the lister hold for beta and gamma?
      zh: >-
        Informer 即将把 alpha、beta、gamma 作为一批弹出。当 foo-handler 运行 alpha 的 OnUpdate 时，lister 里的
        beta 和 gamma 是什么版本？
    choices:
      - id: old-versions
        text:
          en: Their old versions; each is applied just before its own callback
          zh: 旧版本；每个条目都在自己的回调之前才被应用
        check:
          sequence:
            - { message: handler.OnUpdate, key: default/alpha }
            - { message: informer.store-update, key: default/beta }
      - id: new-versions
        text:
          en: Their new versions; the whole batch is in the indexer first
          zh: 新版本；整批变更先进入索引器
        check:
          sequence:
            - { message: informer.store-update, key: default/beta }
            - { message: informer.store-update, key: default/gamma }
            - { message: indexer.transaction, params: { ops: 3 } }
            - { message: handler.OnUpdate, key: default/alpha }
      - id: nothing-yet
        text:
          en: Nothing changed yet; the indexer is written after all three callbacks
          zh: 还没有任何变化；索引器在三个回调之后才写入
        check:
          sequence:
            - { message: handler.OnUpdate, key: default/gamma }
            - { message: indexer.transaction }
    answer: new-versions
    explanation:
      en: >-
        processDeltasInBatch applies the batch in one transaction and only then runs the callbacks in order
        (SI7), so the handler for the first key already sees the others in the lister.
      zh: >-
        processDeltasInBatch 在一个事务中应用整批变更，然后才按顺序运行回调（SI7），
        所以处理第一个键的事件处理函数已经能在 lister 中看到其他键。
    reveal: { lane: Foo, messagePrefix: indexer. }
    within: 6
  - id: callback-order
    before: { message: handler.OnUpdate, lane: Foo }
    after: { message: user.write }
    question:
      en: In which order do the three OnUpdate calls run?
      zh: 三次 OnUpdate 以什么顺序运行？
    choices:
      - id: batch-order
        text:
          en: alpha, beta, gamma, the order of the batch
          zh: alpha、beta、gamma，即这批的顺序
        check:
          sequence:
            - { message: handler.OnUpdate, key: default/alpha }
            - { message: handler.OnUpdate, key: default/beta }
            - { message: handler.OnUpdate, key: default/gamma }
      - id: one-call
        text:
          en: One OnUpdate for the whole batch
          zh: 整批只有一次 OnUpdate
        check: { count: { match: { message: handler.OnUpdate, lane: Foo }, max: 1 } }
      - id: last-first
        text:
          en: gamma first, the last object applied
          zh: 先 gamma，即最后应用的对象
        check:
          sequence:
            - { message: handler.OnUpdate, key: default/gamma }
            - { message: handler.OnUpdate, key: default/alpha }
    answer: batch-order
    explanation:
      en: >-
        Every delta of a batch still gets its own callback, in the order of the batch; a handler's listener
        runs them one at a time (SI5).
      zh: 一批中的每个增量仍然各有一次回调，按这批的顺序；事件处理函数的 listener 逐个运行它们（SI5）。
    reveal: { message: handler.OnUpdate, lane: Foo }
    within: 10
goal:
  description:
    en: >-
      alpha, beta and gamma are popped as one batch and applied in one transaction before foo-handler's
      OnUpdate for alpha runs.
    zh: alpha、beta、gamma 作为一批弹出，并在 foo-handler 运行 alpha 的 OnUpdate 之前，在一个事务中应用。
  check:
    all:
      - sequence:
          - { message: user.write, key: default/alpha }
          - { message: informer.pop-batch, lane: Foo, params: { count: 3, batch: true } }
          - { message: indexer.transaction, lane: Foo, params: { ops: 3 } }
          - { message: handler.OnUpdate, lane: Foo, key: default/alpha }
          - { message: handler.OnUpdate, lane: Foo, key: default/beta }
          - { message: handler.OnUpdate, lane: Foo, key: default/gamma }
      - absentBetween:
          absent: { message: informer.store-update, lane: Foo }
          after: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
          before: { message: handler.OnUpdate, lane: Foo, key: default/gamma }
`;
