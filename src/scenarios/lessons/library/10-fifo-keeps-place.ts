/** Lesson 10: DeltaFIFO keeps a key's place: A1, B1, A2 pops as A:[A1, A2], then B (D3, D4, D13, SI2, SI5). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: fifo-keeps-place
  number: 10
  title:
    en: "DeltaFIFO keeps a key's place"
    zh: DeltaFIFO 为每个键保留它的位置
  summary:
    en: >-
      DeltaFIFO is a queue of keys, each holding its list of deltas. A new delta for a key that is already
      queued joins that key's list without moving it, so the watch order A1, B1, A2 is popped as
      alpha [A1, A2], then beta [B1].
    zh: >-
      DeltaFIFO 是一个键的队列，每个键带着自己的增量列表。已在队列中的键收到新增量时，只是追加到它的列表里，
      位置不变；所以 watch 顺序 A1、B1、A2 弹出时变成 alpha [A1, A2]，然后是 beta [B1]。
rules: [D3, D4, D13, SI2, SI5]
steps: 50
seed: 10
settings:
  era: classic
  resyncPeriod: 0
  latency:
    watchDelivery: 20ms
objects:
  - kind: Foo
    metadata: { name: alpha }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Foo
    metadata: { name: beta }
    spec: { deploymentName: beta, replicas: 1 }
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
script:
  - { at: 2s, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "1" } }
  - { at: 2s, action: patch, target: { kind: Foo, name: beta }, labels: { rev: "1" } }
  - { at: 2s, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "2" } }
narration:
  - when: { message: user.write, key: default/alpha }
    text:
      en: >-
        Three writes at the same moment: alpha, then beta, then alpha again. Their events reach the Foo
        Reflector in that order: A1, B1, A2.
      zh: >-
        同一时刻的三次写入：alpha、beta、再次 alpha。它们的事件通知按这个顺序到达 Foo 的 Reflector：A1、B1、A2。
  - when: { message: deltafifo.add, lane: Foo, key: default/alpha }
    after: { message: user.write }
    text:
      en: >-
        A1: no delta is queued for alpha yet, so its key goes to the tail of the queue: [alpha].
      zh: >-
        A1：alpha 还没有排队的增量，所以它的键排到队尾：[alpha]。
  - when: { message: deltafifo.add, lane: Foo, key: default/beta }
    after: { message: user.write }
    text:
      en: >-
        B1: the queue is now [alpha, beta].
      zh: >-
        B1：队列现在是 [alpha, beta]。
  - when: { message: deltafifo.add, lane: Foo, key: default/alpha }
    after: { message: deltafifo.add, lane: Foo, key: default/beta }
    text:
      en: >-
        A2: alpha already has a delta queued, so A2 joins alpha's list and alpha keeps its place. The queue
        is still [alpha, beta], and alpha holds [A1, A2] (D3).
      zh: >-
        A2：alpha 已经有排队的增量，所以 A2 追加到 alpha 的列表里，alpha 的位置不变。队列仍是 [alpha, beta]，
        alpha 持有 [A1, A2]（D3）。
  - when: { message: informer.pop, lane: Foo, key: default/alpha }
    after: { message: user.write }
    text:
      en: >-
        Pop returns alpha with both deltas, [{deltas}], and processes them in order: indexer first, then
        dispatch, for each one (SI2). Across keys the watch order A1, B1, A2 became A1, A2, B1 (D13).
      zh: >-
        Pop 返回 alpha 和它的两个增量 [{deltas}]，并按顺序处理：每个增量都先写索引器，再分发（SI2）。
        跨键来看，watch 顺序 A1、B1、A2 变成了 A1、A2、B1（D13）。
  - when: { message: informer.pop, lane: Foo, key: default/beta }
    after: { message: user.write }
    text:
      en: >-
        Only then beta: [{deltas}].
      zh: >-
        然后才轮到 beta：[{deltas}]。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    after: { message: user.write }
    text:
      en: >-
        foo-handler runs the first OnUpdate for alpha (rv {rv}) while the lister already holds rv {listerRv}:
        the informer applied both deltas before the handler got to run (SI5).
      zh: >-
        foo-handler 运行 alpha 的第一次 OnUpdate（rv {rv}）时，lister 里已经是 rv {listerRv}：
        Informer 在事件处理函数运行之前就应用了两个增量（SI5）。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/alpha, params: { oldRv: "7" } }
    text:
      en: >-
        The second OnUpdate ({oldRv} → {rv}): DeltaFIFO never merges updates, so the handler sees every change
        (D4). The workqueue is what merges keys.
      zh: >-
        第二次 OnUpdate（{oldRv} → {rv}）：DeltaFIFO 从不合并更新，所以事件处理函数看到每一次修改（D4）。
        合并键的是工作队列。
pauses:
  - id: pop-order
    before: { message: informer.pop, lane: Foo }
    after: { message: user.write }
    question:
      en: >-
        The DeltaFIFO received, in this order, A1 (alpha), B1 (beta) and A2 (alpha). What do the next Pops
        return?
      zh: DeltaFIFO 依次收到了 A1（alpha）、B1（beta）、A2（alpha）。接下来的 Pop 会返回什么？
    choices:
      - id: stream-order
        text:
          en: alpha with [A1], then beta, then alpha with [A2]
          zh: 先 alpha [A1]，然后 beta，再 alpha [A2]
        check:
          sequence:
            - { message: informer.pop, key: default/alpha, params: { count: 1 } }
            - { message: informer.pop, key: default/beta }
            - { message: informer.pop, key: default/alpha }
      - id: alpha-both
        text:
          en: alpha with [A1, A2], then beta
          zh: 先 alpha [A1, A2]，然后 beta
        check:
          sequence:
            - { message: informer.pop, key: default/alpha, params: { count: 2 } }
            - { message: informer.pop, key: default/beta }
      - id: beta-first
        text:
          en: beta first, because alpha moved behind it; then alpha with [A1, A2]
          zh: 先 beta，因为 alpha 移到了它后面；然后 alpha [A1, A2]
        check:
          sequence:
            - { message: informer.pop, key: default/beta }
            - { message: informer.pop, key: default/alpha, params: { count: 2 } }
    answer: alpha-both
    explanation:
      en: >-
        queueActionLocked appends a delta to the key's list and puts the key at the tail only if it was not
        queued already (D3). alpha was queued first, so it is popped first, with everything queued for it.
      zh: >-
        queueActionLocked 把增量追加到键的列表里，只有当这个键还不在队列中时才把它放到队尾（D3）。
        alpha 最先入队，所以它最先弹出，并带着为它排队的全部增量。
    reveal: { message: informer.pop, lane: Foo }
    within: 3
  - id: how-many-updates
    before: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    after: { message: user.write }
    question:
      en: alpha was popped with two Updated deltas. How many times does foo-handler's OnUpdate run for them?
      zh: alpha 弹出时带着两个 Updated 增量。foo-handler 的 OnUpdate 会为它们运行几次？
    choices:
      - id: once
        text:
          en: Once; DeltaFIFO merged them into the newest
          zh: 一次；DeltaFIFO 把它们合并成了最新的一个
        check: { count: { match: { message: handler.OnUpdate, key: default/alpha }, max: 1 } }
      - id: twice
        text:
          en: Twice, once per delta
          zh: 两次，每个增量一次
        check: { count: { match: { message: handler.OnUpdate, key: default/alpha }, min: 2 } }
    answer: twice
    explanation:
      en: >-
        dedupDeltas merges only two trailing Deleted deltas (D4); Added and Updated deltas are all kept and
        each becomes its own notification.
      zh: >-
        dedupDeltas 只合并末尾的两个 Deleted 增量（D4）；Added 和 Updated 增量都会保留，各自成为一次通知。
    reveal: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    within: 5
goal:
  description:
    en: >-
      The watch events A1, B1, A2 are popped as alpha [A1, A2], then beta [B1]: alpha kept its place in the
      DeltaFIFO.
    zh: >-
      watch 事件 A1、B1、A2 弹出时是 alpha [A1, A2]，然后 beta [B1]：alpha 在 DeltaFIFO 中保留了自己的位置。
  check:
    sequence:
      - { message: user.write, key: default/alpha }
      - { message: deltafifo.add, lane: Foo, key: default/alpha }
      - { message: deltafifo.add, lane: Foo, key: default/beta }
      - { message: deltafifo.add, lane: Foo, key: default/alpha }
      - { message: informer.pop, lane: Foo, key: default/alpha, params: { deltas: "Updated, Updated" } }
      - { message: informer.pop, lane: Foo, key: default/beta, params: { deltas: Updated } }
`;
