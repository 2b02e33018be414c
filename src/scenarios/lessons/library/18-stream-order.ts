/**
 * Lesson 18 (modern): RealFIFO keeps the watch order across keys: A1, B1, A2 reach the handler as A1,
 * B1, A2 (F1, F7, SI7, SI5), the modern twin of lesson 10. A delete for a key the informer never cached
 * (F1 queues it, D6 drops it) is named but not staged: a consistent server sends DELETED only for an
 * object the informer listed or was sent, so the lab leaves that part to the conformance vectors
 * (vectors-v0.36/realfifo/rf_delete_unknown_key, vectors/deltafifo/fifo_delete_unknown_known).
 */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: stream-order
  number: 18
  title:
    en: "RealFIFO keeps the watch order across keys"
    zh: RealFIFO 在键之间保持 watch 的顺序
  summary:
    en: >-
      client-go 1.36 replaced the DeltaFIFO with a RealFIFO: one entry per event, in arrival order, with no
      per-key list. The watch order A1, B1, A2 is the order the handler sees, where a DeltaFIFO (lesson 10)
      hands out alpha's two deltas before beta.
    zh: >-
      client-go 1.36 用 RealFIFO 取代了 DeltaFIFO：每个事件一个条目，按到达顺序排列，不再按键收集增量列表。
      watch 顺序 A1、B1、A2 就是事件处理函数看到的顺序；而 DeltaFIFO（第 10 课）会先交出 alpha 的两个增量，再轮到 beta。
rules: [F1, F7, SI7, SI5, D13]
steps: 50
seed: 10
settings:
  era: modern
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
        The same three writes as in lesson 10, now against client-go v0.36.3: alpha, then beta, then alpha
        again. Their events reach the Foo Reflector in that order: A1, B1, A2.
      zh: >-
        与第 10 课相同的三次写入，这次用的是 client-go v0.36.3：alpha、beta、再次 alpha。
        它们的事件通知按这个顺序到达 Foo 的 Reflector：A1、B1、A2。
  - when: { message: realfifo.add, lane: Foo, key: default/alpha }
    after: { message: user.write }
    text:
      en: >-
        A1: RealFIFO.Update appends one {type} entry (rv {rv}) at the tail. There is no per-key list to join.
      zh: >-
        A1：RealFIFO.Update 在队尾追加一个 {type} 条目（rv {rv}）。这里没有按键收集的增量列表。
  - when: { message: realfifo.add, lane: Foo, key: default/beta }
    after: { message: user.write }
    text:
      en: >-
        B1: the queue is now [A1, B1].
      zh: >-
        B1：队列现在是 [A1, B1]。
  - when: { message: realfifo.add, lane: Foo, key: default/alpha }
    after: { message: realfifo.add, lane: Foo, key: default/beta }
    text:
      en: >-
        A2: alpha already has an entry queued, but RealFIFO appends anyway (F1): [A1, B1, A2], one entry per
        event, in arrival order. A DeltaFIFO would have added A2 to alpha's list and left beta behind it.
      zh: >-
        A2：alpha 已经有一个排队的条目，但 RealFIFO 照样追加（F1）：[A1, B1, A2]，每个事件一个条目，
        按到达顺序排列。DeltaFIFO 则会把 A2 追加到 alpha 的列表里，beta 排在它后面。
  - when: { message: informer.pop-batch, lane: Foo, params: { batch: true } }
    after: { message: user.write }
    text:
      en: >-
        RealFIFO.PopBatch takes [{deltas}]: A1 and B1, the longest run of distinct keys from the head. It
        stops before A2 because alpha would appear twice (F7). processDeltasInBatch applies both to the
        indexer in one transaction, then queues their callbacks in order (SI7).
      zh: >-
        RealFIFO.PopBatch 取走 [{deltas}]：A1 和 B1，即从队头开始、键互不相同的最长一段。
        它在 A2 之前停下，因为 alpha 会出现两次（F7）。processDeltasInBatch 在一个事务中把两者写入索引器，
        然后按顺序排好它们的回调（SI7）。
  - when: { message: informer.pop-batch, lane: Foo, key: default/alpha }
    after: { message: informer.pop-batch, lane: Foo, params: { batch: true } }
    text:
      en: >-
        The next PopBatch takes A2 alone ([{deltas}]); processDeltas applies it and queues alpha's second
        OnUpdate.
      zh: >-
        下一次 PopBatch 单独取走 A2（[{deltas}]）；processDeltas 应用它，并排好 alpha 的第二次 OnUpdate。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    after: { message: user.write }
    text:
      en: >-
        foo-handler's OnUpdate for A1 (rv {rv}) runs while the lister already holds rv {listerRv}: order is
        kept, but a handler still runs after the indexer moved on (SI5).
      zh: >-
        foo-handler 处理 A1（rv {rv}）的 OnUpdate 时，lister 里已经是 rv {listerRv}：顺序保住了，
        但事件处理函数运行时索引器仍可能已经向前走了（SI5）。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/beta }
    after: { message: user.write }
    text:
      en: >-
        Then beta's OnUpdate (rv {rv}), before alpha's second one: the handler sees A1, B1, A2, the watch
        order. Across keys, lesson 10's DeltaFIFO gave A1, A2, B1 (D13).
      zh: >-
        然后是 beta 的 OnUpdate（rv {rv}），在 alpha 的第二次之前：事件处理函数看到的是 A1、B1、A2，
        即 watch 的顺序。跨键来看，第 10 课的 DeltaFIFO 给出的是 A1、A2、B1（D13）。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    after: { message: handler.OnUpdate, lane: Foo, key: default/beta }
    text:
      en: >-
        A2 last (rv {rv}). RealFIFO differs from DeltaFIFO for deletes too: its Delete queues even a key
        the informer never cached and the handler gets that OnDelete (F1), where DeltaFIFO drops it (D6). A
        consistent server sends DELETED only for an object the informer listed or was sent, so this run
        cannot show it; the recorded client-go vectors do (rf_delete_unknown_key, fifo_delete_unknown_known).
      zh: >-
        最后是 A2（rv {rv}）。删除也不一样：RealFIFO 的 Delete 即使对 Informer 从未缓存过的键也会排队，
        事件处理函数会收到这次 OnDelete（F1）；DeltaFIFO 则直接丢弃（D6）。一致的 APIServer 只会为 Informer
        已列举到或已收到过的对象发送 DELETED，所以这次运行无法展示它；录制的 client-go 测试向量展示了它
        （rf_delete_unknown_key、fifo_delete_unknown_known）。
pauses:
  - id: what-pops
    before: { message: informer.pop-batch, lane: Foo }
    after: { message: user.write }
    question:
      en: >-
        The RealFIFO holds, in this order, A1 (alpha), B1 (beta) and A2 (alpha). What do the next PopBatch
        calls take?
      zh: RealFIFO 中依次是 A1（alpha）、B1（beta）、A2（alpha）。接下来的 PopBatch 会取走什么？
    choices:
      - id: all-three
        text:
          en: All three in one batch
          zh: 三个一起，作为一批
        check: { count: { match: { message: informer.pop-batch, params: { count: 3 } }, min: 1 } }
      - id: alpha-first
        text:
          en: alpha's two deltas first, then beta, as a DeltaFIFO would
          zh: 先是 alpha 的两个增量，然后 beta，和 DeltaFIFO 一样
        check:
          sequence:
            - { message: informer.store-update, key: default/alpha }
            - { message: informer.store-update, key: default/alpha }
            - { message: informer.store-update, key: default/beta }
      - id: a1-b1-then-a2
        text:
          en: A1 and B1 together, then A2 alone
          zh: 先是 A1 和 B1 一起，然后单独的 A2
        check:
          all:
            - count: { match: { message: informer.pop-batch, params: { count: 2, batch: true } }, min: 1 }
            - sequence:
                - { message: informer.store-update, key: default/alpha }
                - { message: informer.store-update, key: default/beta }
                - { message: informer.store-update, key: default/alpha }
    answer: a1-b1-then-a2
    explanation:
      en: >-
        PopBatch takes the longest run of entries with distinct keys from the head, at most 1000, and stops
        before a key it already took (F7). Entries never move, so A2 stays behind B1.
      zh: >-
        PopBatch 从队头取键互不相同的最长一段（最多 1000 个），遇到已经取过的键就停下（F7）。
        条目从不移动，所以 A2 一直在 B1 后面。
    reveal: { message: informer.pop-batch, lane: Foo }
    within: 2
  - id: handler-order
    before: { message: handler.OnUpdate, lane: Foo }
    after: { message: user.write }
    question:
      en: In which order does foo-handler see the three updates?
      zh: foo-handler 会以什么顺序看到这三次更新？
    choices:
      - id: watch-order
        text:
          en: A1, B1, A2, the order of the watch
          zh: A1、B1、A2，即 watch 的顺序
        check:
          sequence:
            - { message: handler.OnUpdate, key: default/alpha }
            - { message: handler.OnUpdate, key: default/beta }
            - { message: handler.OnUpdate, key: default/alpha }
      - id: by-key
        text:
          en: A1, A2, then B1
          zh: A1、A2，然后 B1
        check:
          sequence:
            - { message: handler.OnUpdate, key: default/alpha }
            - { message: handler.OnUpdate, key: default/alpha }
            - { message: handler.OnUpdate, key: default/beta }
      - id: merged
        text:
          en: Only A2 and B1; A1 was merged into A2
          zh: 只有 A2 和 B1；A1 被合并进了 A2
        check: { count: { match: { message: handler.OnUpdate, key: default/alpha }, max: 1 } }
    answer: watch-order
    explanation:
      en: >-
        The callbacks are queued in the order the entries were popped, and each handler's listener runs
        them one by one (SI5): stream order within one informer.
      zh: >-
        回调按条目弹出的顺序排队，每个事件处理函数的 listener 逐个运行它们（SI5）：
        在同一个 Informer 内保持事件流的顺序。
    reveal: { message: handler.OnUpdate, lane: Foo }
    within: 10
goal:
  description:
    en: >-
      The watch events A1, B1, A2 reach foo-handler as A1, B1, A2: the RealFIFO keeps one entry per event
      in arrival order.
    zh: >-
      watch 事件 A1、B1、A2 按 A1、B1、A2 到达 foo-handler：RealFIFO 按到达顺序为每个事件保留一个条目。
  check:
    all:
      - sequence:
          - { message: user.write, key: default/alpha }
          - { message: realfifo.add, lane: Foo, key: default/alpha }
          - { message: realfifo.add, lane: Foo, key: default/beta }
          - { message: realfifo.add, lane: Foo, key: default/alpha }
          - { message: handler.OnUpdate, lane: Foo, key: default/alpha }
          - { message: handler.OnUpdate, lane: Foo, key: default/beta }
          - { message: handler.OnUpdate, lane: Foo, key: default/alpha }
      - absentBetween:
          absent: { message: handler.OnUpdate, key: default/alpha }
          after: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
          before: { message: handler.OnUpdate, lane: Foo, key: default/beta }
`;
