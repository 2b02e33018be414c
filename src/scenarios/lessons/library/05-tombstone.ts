/** Lesson 5: a missed delete: the relist's DeletedFinalStateUnknown tombstone and how a handler unwraps it (D7, SI12, R13, C2). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: tombstone
  number: 5
  title:
    en: 'A missed delete: the DeletedFinalStateUnknown tombstone'
    zh: 错过的删除：墓碑对象 DeletedFinalStateUnknown
  summary:
    en: >-
      If an object is deleted while an informer is not watching, no DELETED event ever reaches it. The
      next relist finds the key missing and queues a tombstone holding the last cached state; handlers must
      unwrap it.
    zh: >-
      如果对象在 Informer 没有 watch 时被删除，DELETED 事件通知永远不会到达。下一次重新列举发现这个键不见了，
      就放入一个带着最后缓存状态的墓碑对象（DeletedFinalStateUnknown）；事件处理函数必须把它解开。
rules: [D7, SI12, R13, C2]
steps: 52
seed: 5
settings:
  era: classic
  resyncPeriod: 0
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
  - { at: 2s, action: watchError, code: 500, kind: Deployment }
  - { at: 2200ms, action: delete, target: { kind: Deployment, name: alpha } }
narration:
  - when: { message: controller.caches-synced }
    text:
      en: >-
        Two Foos, two Deployments, everything in sync. Now watch the Deployment informer.
      zh: >-
        两个 Foo、两个 Deployment，一切同步。现在请关注 Deployment 的 Informer。
  - when: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        At 2 s the Deployment watch fails with {code} {reason}. An error is not a clean close: ListAndWatch
        returns and the Reflector will relist after a backoff (R13).
      zh: >-
        2 秒时 Deployment 的 watch 以 {code} {reason} 失败。出错不同于正常关闭：ListAndWatch 返回，
        Reflector 将在退避之后重新列举（R13）。
  - when: { message: reflector.backoff, lane: Deployment }
    text:
      en: >-
        The Reflector sleeps {delayMs} ms. Its cache still holds both Deployments.
      zh: >-
        Reflector 退避 {delayMs} 毫秒。它的本地缓存里仍有两个 Deployment。
  - when: { message: user.write, lane: Deployment, key: default/alpha }
    text:
      en: >-
        During that pause someone deletes Deployment alpha. The DELETED event goes to open watches only,
        and the Deployment informer has none right now.
      zh: >-
        就在这段时间里，有人删除了 Deployment alpha。DELETED 事件只发给已打开的 watch，
        而 Deployment 的 Informer 此刻一个也没有。
  - when: { message: reflector.replace, lane: Deployment, params: { relist: true } }
    text:
      en: >-
        The relist returns {items} Deployment. Replace compares it with what the indexer knows: alpha is
        cached but no longer listed. Nobody knows how it ended, so Replace queues a tombstone (D7).
      zh: >-
        重新列举返回了 {items} 个 Deployment。Replace 把它和索引器中已有的内容比较：alpha 在缓存里，
        却不在列表中。没人知道它最后的状态，于是 Replace 放入一个墓碑对象（D7）。
  - when: { message: deltafifo.tombstone }
    text:
      en: >-
        Deleted(DeletedFinalStateUnknown) for {key}. The object inside is the last one the cache had (rv
        {rv}), not the state the server deleted.
      zh: >-
        为 {key} 加入 Deleted(DeletedFinalStateUnknown)。里面的对象是缓存中的最后状态（rv {rv}），
        而不是服务器删除时的状态。
  - when: { message: informer.pop, lane: Deployment, key: default/alpha }
    after: { message: deltafifo.tombstone }
    text:
      en: >-
        Pop [{deltas}]: the indexer removes {key}, then OnDelete is dispatched with the tombstone as its
        object.
      zh: >-
        弹出 [{deltas}]：索引器先删除 {key}，然后以墓碑对象为参数分发 OnDelete。
  - when: { message: handler.tombstone-unwrapped }
    text:
      en: >-
        handleObject checks the type: it is a DeletedFinalStateUnknown, so it unwraps tombstone.Obj (rv {rv})
        and carries on with the Deployment inside (SI12). A handler that only accepted Deployments would drop
        it and never notice the deletion.
      zh: >-
        handleObject 检查类型：这是一个 DeletedFinalStateUnknown，于是它解开 tombstone.Obj（rv {rv}），
        继续处理里面的 Deployment（SI12）。只接受 Deployment 类型的处理函数会丢掉它，永远察觉不到这次删除。
  - when: { message: workqueue.add, key: default/alpha }
    after: { message: handler.tombstone-unwrapped }
    text:
      en: >-
        The owner reference leads to Foo alpha, whose key goes into the workqueue.
      zh: >-
        ownerReference 指向 Foo alpha，它的键被加入工作队列。
  - when: { message: apiserver.write, lane: Deployment, key: default/alpha }
    after: { message: handler.tombstone-unwrapped }
    text:
      en: >-
        The worker finds no Deployment alpha in its lister and creates it again ({code}): the controller
        repaired a deletion that it never received as an event.
      zh: >-
        Worker 在 lister 里找不到 Deployment alpha，于是重新创建它（{code}）：
        控制器修复了一次它从未以事件形式收到的删除。
pauses:
  - id: vanished
    before: { message: reflector.replace, lane: Deployment, params: { relist: true } }
    question:
      en: >-
        While the Deployment watch was down, Deployment alpha was deleted. The relist no longer contains it.
        What does the DeltaFIFO get for alpha?
      zh: >-
        Deployment 的 watch 断开期间，Deployment alpha 被删除了。重新列举的结果里已经没有它。
        DeltaFIFO 会为 alpha 得到什么？
    choices:
      - id: nothing
        text:
          en: Nothing; it is not in the list, so there is nothing to queue
          zh: 什么也没有；它不在列表里，没有东西可放
        check: { count: { match: { message: deltafifo.tombstone }, max: 0 } }
      - id: tombstone
        text:
          en: A Deleted delta carrying DeletedFinalStateUnknown with the last cached Deployment
          zh: 一个 Deleted 增量，携带装着最后缓存状态的 DeletedFinalStateUnknown
        check:
          all:
            - { count: { match: { message: deltafifo.tombstone, key: default/alpha }, min: 1 } }
            - count:
                match: { message: informer.pop, key: default/alpha, params: { deltas: Deleted(DeletedFinalStateUnknown) } }
                min: 1
      - id: final-object
        text:
          en: A Deleted delta with the Deployment as the server deleted it
          zh: 一个 Deleted 增量，携带服务器删除时的 Deployment
        check:
          count: { match: { message: informer.pop, lane: Deployment, key: default/alpha, params: { deltas: Deleted } }, min: 1 }
    answer: tombstone
    explanation:
      en: >-
        Replace queues Deleted(DeletedFinalStateUnknown{key, obj}) for every key the indexer knows that the
        new list lacks (D7). obj is the cached state: the deletion itself, and anything that happened before
        it, was never seen.
      zh: >-
        对于索引器知道、但新列表中没有的每个键，Replace 都会放入 Deleted(DeletedFinalStateUnknown{key, obj})（D7）。
        obj 是缓存中的状态：删除本身以及之前发生的变化都从未被看到。
    reveal: { message: deltafifo.tombstone }
    within: 4
  - id: unwrap
    before: { message: handler.OnDelete, lane: Deployment }
    question:
      en: >-
        deployment-handler's OnDelete receives the tombstone instead of a Deployment. What must handleObject
        do to find the Foo that owned the Deployment?
      zh: >-
        deployment-handler 的 OnDelete 收到的是墓碑对象，而不是 Deployment。handleObject
        要怎样才能找到拥有这个 Deployment 的 Foo？
    choices:
      - id: unwrap
        text:
          en: Unwrap tombstone.Obj and read the ownerReferences of the Deployment inside
          zh: 解开 tombstone.Obj，读取里面 Deployment 的 ownerReferences
        check:
          sequence:
            - { message: handler.tombstone-unwrapped, key: default/alpha }
            - { message: handler.owner-lookup, params: { owner: default/alpha } }
            - { message: workqueue.add, key: default/alpha }
      - id: ignore
        text:
          en: Nothing; a deleted object has no owner left to notify
          zh: 什么也不做；被删除的对象没有需要通知的所有者
        check: { count: { match: { message: workqueue.add, key: default/alpha }, max: 0 } }
    answer: unwrap
    explanation:
      en: >-
        OnDelete may get either the final object or a DeletedFinalStateUnknown (SI12). The sample-controller's
        handleObject tries the Deployment type first, then the tombstone, and uses tombstone.Obj (C2).
      zh: >-
        OnDelete 收到的可能是最终对象，也可能是 DeletedFinalStateUnknown（SI12）。sample-controller 的
        handleObject 先尝试 Deployment 类型，再尝试墓碑对象，并使用 tombstone.Obj（C2）。
    reveal: { component: handler }
    within: 3
goal:
  description:
    en: >-
      The deletion missed during the broken watch comes back as a DeletedFinalStateUnknown tombstone from
      the relist; deployment-handler unwraps it, enqueues the owner, and the controller recreates the
      Deployment.
    zh: >-
      watch 断开期间错过的删除，在重新列举时以墓碑对象 DeletedFinalStateUnknown 的形式回来；
      deployment-handler 解开它并把所有者加入队列，控制器重新创建了 Deployment。
  check:
    sequence:
      - { message: fault.watch-error, lane: Deployment }
      - { message: user.write, lane: Deployment, key: default/alpha, params: { verb: delete } }
      - { message: reflector.replace, lane: Deployment, params: { relist: true, tombstones: 1 } }
      - { message: deltafifo.tombstone, key: default/alpha }
      - { message: handler.OnDelete, lane: Deployment, key: default/alpha, params: { tombstone: true } }
      - { message: handler.tombstone-unwrapped, key: default/alpha }
      - { message: workqueue.add, key: default/alpha }
      - { message: apiserver.write, lane: Deployment, key: default/alpha, params: { verb: create, code: 201 } }
`;
