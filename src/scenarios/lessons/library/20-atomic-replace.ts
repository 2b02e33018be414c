/**
 * Lesson 20 (modern): a relist is one atomic ReplacedAll: the indexer is replaced whole, then the OnDeletes,
 * then the updates (F3, SI2 [C], SI12); HasSynced turns true once the first one is processed (F3, SI9).
 */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: atomic-replace
  number: 20
  title:
    en: "Atomic replace: a relist arrives as one ReplacedAll"
    zh: 原子替换：一次重新列举作为一个 ReplacedAll 到达
  summary:
    en: >-
      In client-go 1.36 a relist is one RealFIFO entry, ReplacedAll, holding every object the server sent.
      The informer replaces the whole indexer with it first, then calls OnDelete for the keys that vanished
      and OnUpdate or OnAdd for the rest; a handler never sees a half-replaced cache. The first ReplacedAll is
      also what HasSynced waits for.
    zh: >-
      在 client-go 1.36 中，一次重新列举是 RealFIFO 中的一个条目 ReplacedAll，装着 APIServer 发来的全部对象。
      Informer 先用它整体替换索引器，再为消失的键调用 OnDelete，为其余的键调用 OnUpdate 或 OnAdd；
      事件处理函数永远看不到替换了一半的缓存。HasSynced 等待的也正是第一个 ReplacedAll。
rules: [F3, SI2, SI9, D11, R13, SI12, I7]
steps: 60
seed: 20
settings:
  era: modern
  resyncPeriod: 0
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
  - { at: 2s, action: watchError, code: 500, kind: Deployment }
  - { at: 2200ms, action: delete, target: { kind: Deployment, name: beta } }
  - { at: 2200ms, action: patch, target: { kind: Deployment, name: alpha }, labels: { tier: gold } }
narration:
  - when: { message: informer.pop-batch, lane: Deployment, params: { isInInitialList: true } }
    text:
      en: >-
        The Deployment informer's first entry is one ReplacedAll ([{deltas}]): the initial list, streamed by
        Reflector.watchList and handed to RealFIFO.Replace whole. It is the whole initial population
        (initialPopulationCount 1), so HasSynced stays false until it has been processed (F3).
      zh: >-
        Deployment Informer 的第一个条目是一个 ReplacedAll（[{deltas}]）：初始列表由 Reflector.watchList
        以流的方式取得，整体交给 RealFIFO.Replace。它就是全部初始数据（initialPopulationCount 为 1），
        所以在它被处理完之前 HasSynced 一直是 false（F3）。
  - when: { message: controller.caches-synced }
    text:
      en: >-
        WaitForCacheSync returns: both informers processed their first ReplacedAll, so their indexers hold the
        initial snapshot (SI9). The {workers} workers start.
      zh: >-
        WaitForCacheSync 返回：两个 Informer 都处理完了各自的第一个 ReplacedAll，索引器中已是初始快照（SI9）。
        {workers} 个 worker 开始工作。
  - when: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        At 2 s the Deployment watch ends with ERROR {code} {reason}: ListAndWatch returns and the Reflector
        backs off before it relists (R13).
      zh: >-
        2 秒时 Deployment 的 watch 以 ERROR {code} {reason} 结束：ListAndWatch 返回，Reflector 先退避，
        再重新列举（R13）。
  - when: { message: user.write, key: default/beta, lane: Deployment }
    after: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        While nobody watches, Deployment beta is deleted and alpha is patched. No DELETED or MODIFIED event
        will reach this informer.
      zh: 没有人 watch 的时候，Deployment beta 被删除，alpha 被修改。这个 Informer 不会收到任何 DELETED 或 MODIFIED 事件通知。
  - when: { message: reflector.watch-list, lane: Deployment }
    after: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        The relist is a watch-list from "{rv}": the same stream the informer started with, no LIST.
      zh: 这次重新列举是一个从 "{rv}" 开始的 watch-list：与 Informer 启动时相同的流，没有 LIST。
  - when: { message: reflector.replace-all, lane: Deployment, params: { relist: true } }
    text:
      en: >-
        The end bookmark came: RealFIFO.Replace queues one ReplacedAll with the {items} Deployments the server
        has now, at rv {rv}. beta is simply not in it.
      zh: >-
        结束书签到了：RealFIFO.Replace 放入一个 ReplacedAll，装着 APIServer 现有的 {items} 个 Deployment，
        rv 为 {rv}。beta 不在其中。
  - when: { message: informer.replaced-all, lane: Deployment, params: { tombstones: 1 } }
    text:
      en: >-
        processReplacedAllInfo compares it with the indexer: {tombstones} key is gone (a
        DeletedFinalStateUnknown tombstone for it), the others are updates. Then the indexer is replaced whole,
        at rv {rv}, before any callback runs.
      zh: >-
        processReplacedAllInfo 把它与索引器比较：{tombstones} 个键不见了（为它生成墓碑对象
        DeletedFinalStateUnknown），其余是更新。然后索引器被整体替换，rv 为 {rv}，此时还没有运行任何回调。
  - when: { message: handler.OnDelete, lane: Deployment, key: default/beta }
    after: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        OnDelete comes first, with the tombstone (last known rv {rv}); the lister no longer has beta. The
        handler unwraps the tombstone to find beta's owner (SI12).
      zh: >-
        OnDelete 最先到达，带着墓碑对象（最后已知的 rv {rv}）；lister 中已经没有 beta。
        事件处理函数解开墓碑对象，找到 beta 的属主（SI12）。
  - when: { message: handler.OnUpdate, lane: Deployment, key: default/gamma }
    after: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        Then the updates, in the list's order: alpha's, then gamma's. gamma did not change ({oldRv} → {rv}): a
        same-resourceVersion update, which the handler drops.
      zh: >-
        然后按列表顺序是更新：先 alpha，再 gamma。gamma 没有变化（{oldRv} → {rv}）：这是 resourceVersion
        相同的更新，事件处理函数会丢弃它。
pauses:
  - id: what-is-queued
    before: { message: informer.pop-batch, lane: Deployment, params: { deltas: ReplacedAll(2) } }
    after: { message: reflector.watch-error, lane: Deployment }
    question:
      en: >-
        The relist stream is in: alpha changed, beta is gone, gamma is as it was. What does the informer pop
        from the RealFIFO?
      zh: 重新列举的流已经到齐：alpha 变了，beta 没了，gamma 没变。Informer 会从 RealFIFO 中弹出什么？
    choices:
      - id: one-entry
        text:
          en: One ReplacedAll holding alpha and gamma
          zh: 一个 ReplacedAll，装着 alpha 和 gamma
        check: { count: { match: { message: informer.pop-batch, params: { deltas: ReplacedAll(2), count: 1 } }, min: 1 } }
      - id: per-object
        text:
          en: A tombstone for beta, then one entry per object, as a DeltaFIFO would queue
          zh: 先是 beta 的墓碑对象，然后每个对象一个条目，和 DeltaFIFO 一样
        check:
          count:
            match: { message: informer.pop-batch, params: { deltas: Deleted(DeletedFinalStateUnknown) } }
            min: 1
      - id: nothing
        text:
          en: Nothing; a watch-list only fills the Reflector's temporary store
          zh: 什么也没有；watch-list 只会填充 Reflector 的临时存储
        check: { count: { match: { message: informer.pop-batch }, max: 0 } }
    answer: one-entry
    explanation:
      en: >-
        With AtomicFIFO, Replace appends one ReplacedAll{resourceVersion, objects} (F3); the tombstones are
        worked out only when it is processed, against the indexer.
      zh: >-
        在 AtomicFIFO 下，Replace 只追加一个 ReplacedAll{resourceVersion, objects}（F3）；
        墓碑对象要到处理它的时候，才对照索引器算出来。
    reveal: { message: informer.pop-batch, lane: Deployment }
    within: 1
  - id: lister-at-ondelete
    before: { message: handler.OnDelete, lane: Deployment, key: default/beta }
    after: { message: reflector.watch-error, lane: Deployment }
    question:
      en: deployment-handler is about to get OnDelete for beta. Is beta still in the lister?
      zh: deployment-handler 即将收到 beta 的 OnDelete。此时 lister 中还有 beta 吗？
    choices:
      - id: gone
        text:
          en: No; the indexer was replaced whole before the first callback
          zh: 没有；在第一个回调之前，索引器已被整体替换
        check:
          count:
            match: { message: handler.OnDelete, key: default/beta, params: { tombstone: true, listerAhead: false } }
            min: 1
      - id: still-there
        text:
          en: Yes; each key leaves the indexer only after its own callback
          zh: 还在；每个键在它自己的回调之后才离开索引器
        check: { count: { match: { message: handler.OnDelete, key: default/beta, params: { listerAhead: true } }, min: 1 } }
      - id: final-object
        text:
          en: No, and the handler gets beta's final object from the server
          zh: 没有，而且事件处理函数会收到 APIServer 上 beta 的最终对象
        check: { count: { match: { message: handler.OnDelete, key: default/beta, params: { tombstone: false } }, min: 1 } }
    answer: gone
    explanation:
      en: >-
        processReplacedAllInfo replaces the indexer at once and only then delivers every OnDelete, then the
        adds and updates (SI2 [C]). The deletion was missed, so the object is a tombstone (SI12).
      zh: >-
        processReplacedAllInfo 先一次性替换索引器，然后才发出所有 OnDelete，再发出新增和更新（SI2 [C]）。
        删除事件被错过了，所以收到的是墓碑对象（SI12）。
    reveal: { lane: Deployment, messagePrefix: handler. }
    within: 3
goal:
  description:
    en: >-
      HasSynced waits for the first ReplacedAll; after a missed delete the relist arrives as one ReplacedAll,
      the indexer is replaced, and only then does OnDelete with a tombstone run.
    zh: >-
      HasSynced 等待第一个 ReplacedAll；错过一次删除之后，重新列举作为一个 ReplacedAll 到达，索引器被替换，
      然后才运行带墓碑对象的 OnDelete。
  check:
    all:
      - sequence:
          - { message: informer.pop-batch, lane: Deployment, params: { deltas: ReplacedAll(3), isInInitialList: true } }
          - { message: informer.replaced-all, lane: Deployment }
          - { message: controller.caches-synced }
      - sequence:
          - { message: reflector.watch-error, lane: Deployment }
          - { message: user.write, lane: Deployment, key: default/beta }
          - { message: reflector.replace-all, lane: Deployment, params: { relist: true } }
          - { message: informer.pop-batch, lane: Deployment, params: { deltas: ReplacedAll(2) } }
          - { message: informer.replaced-all, lane: Deployment, params: { tombstones: 1 } }
          - { message: indexer.replace, lane: Deployment }
          - { message: informer.dispatch, lane: Deployment, key: default/beta, params: { callback: OnDelete } }
          - { message: handler.OnDelete, lane: Deployment, key: default/beta, params: { tombstone: true } }
      - absentBetween:
          absent: { message: informer.dispatch, lane: Deployment }
          after: { message: informer.pop-batch, lane: Deployment, params: { deltas: ReplacedAll(2) } }
          before: { message: indexer.replace, lane: Deployment }
`;
