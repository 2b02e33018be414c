/** Lesson 11: the callback follows the cache, not the event type (SI2, SI13, D7). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: callback-follows-cache
  number: 11
  title:
    en: The callback follows the cache, not the event type
    zh: 回调函数取决于本地缓存，而不是事件类型
  summary:
    en: >-
      The informer chooses OnAdd or OnUpdate by asking its indexer whether the key is cached, not by the
      delta's type. After a relist, a key that was deleted and created again is an OnUpdate, and a brand new
      key is an OnAdd, though all their deltas are Replaced.
    zh: >-
      Informer 通过询问索引器这个键是否已在缓存中来选择 OnAdd 还是 OnUpdate，而不是看增量的类型。
      重新列举之后，被删除又重新创建的键是 OnUpdate，全新的键是 OnAdd，尽管它们的增量都是 Replaced。
rules: [SI2, SI13, D7]
steps: 50
seed: 11
settings:
  era: classic
  resyncPeriod: 0
  gcDelay: 2s
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
  - { at: 2s, action: watchError, code: 500, kind: Foo }
  - { at: 2100ms, action: delete, target: { kind: Foo, name: beta } }
  - at: 2200ms
    action: create
    object:
      kind: Foo
      metadata: { name: beta }
      spec: { deploymentName: beta-v2, replicas: 1 }
  - at: 2300ms
    action: create
    object:
      kind: Foo
      metadata: { name: gamma }
      spec: { deploymentName: gamma, replicas: 1 }
narration:
  - when: { message: reflector.watch-error, lane: Foo }
    text:
      en: >-
        At 2 s the Foo watch fails ({code}). The Reflector backs off and will relist.
      zh: >-
        2 秒时 Foo 的 watch 失败（{code}）。Reflector 退避，之后将重新列举。
  - when: { message: user.write, key: default/beta, params: { verb: delete } }
    text:
      en: >-
        While no Foo watch is open, a user deletes beta...
      zh: >-
        在没有 Foo watch 的这段时间里，用户删除了 beta……
  - when: { message: user.write, key: default/beta, params: { verb: create } }
    text:
      en: >-
        ...creates a new beta under the same name (a new object with a new uid, which wants a Deployment
        called beta-v2)...
      zh: >-
        ……又用同一个名字创建了新的 beta（一个有新 uid 的新对象，它需要名为 beta-v2 的 Deployment）……
  - when: { message: user.write, key: default/gamma }
    text:
      en: >-
        ...and creates gamma.
      zh: >-
        ……并创建了 gamma。
  - when: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        The relist returns {items} Foos and Replace queues one Replaced delta for each: the same delta type
        for alpha, beta and gamma.
      zh: >-
        重新列举返回了 {items} 个 Foo，Replace 为每个 Foo 放入一个 Replaced 增量：alpha、beta、gamma 的增量类型完全相同。
  - when: { message: informer.dispatch, lane: Foo, key: default/alpha }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        alpha is cached: indexer.Update, then {callback}. The informer looked at its cache, not at the
        delta type (SI2).
      zh: >-
        alpha 在缓存中：indexer.Update，然后 {callback}。Informer 看的是它的本地缓存，而不是增量类型（SI2）。
  - when: { message: informer.dispatch, lane: Foo, key: default/beta }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        beta's key is cached too, so it is {callback}, from the old beta to the new one. The handler never
        hears about the delete: the uid changed inside an update (SI13).
      zh: >-
        beta 的键也在缓存中，所以是 {callback}，从旧的 beta 到新的 beta。事件处理函数永远不知道发生过删除：
        uid 在一次更新里变了（SI13）。
  - when: { message: informer.dispatch, lane: Foo, key: default/gamma }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        gamma is not cached: indexer.Add, then {callback}, although its delta is {type} like the others.
      zh: >-
        gamma 不在缓存中：indexer.Add，然后 {callback}，尽管它的增量和其他两个一样是 {type}。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/beta }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        foo-handler just enqueues default/beta. Code that compares old and new here must not assume they are
        the same object: compare uids if identity matters.
      zh: >-
        foo-handler 只是把 default/beta 加入队列。如果代码在这里比较新旧对象，就不能假定它们是同一个对象：
        在乎身份时要比较 uid。
pauses:
  - id: beta-callback
    before: { message: reflector.replace, lane: Foo, params: { relist: true } }
    question:
      en: >-
        beta was deleted and created again while the watch was down, and the relist lists the new beta. What
        does the informer dispatch for beta?
      zh: >-
        watch 断开期间 beta 被删除又重新创建，重新列举的结果里是新的 beta。Informer 会为 beta 分发什么？
    choices:
      - id: delete-add
        text:
          en: OnDelete for the old beta, then OnAdd for the new one
          zh: 先为旧 beta 分发 OnDelete，再为新 beta 分发 OnAdd
        check: { count: { match: { message: informer.dispatch, key: default/beta, params: { callback: OnDelete } }, min: 1 } }
      - id: update
        text:
          en: OnUpdate, from the old beta to the new beta
          zh: OnUpdate，从旧 beta 到新 beta
        check: { count: { match: { message: informer.dispatch, key: default/beta, params: { callback: OnUpdate, type: Replaced } }, min: 1 } }
      - id: add
        text:
          en: OnAdd for the new beta only
          zh: 只为新 beta 分发 OnAdd
        check: { count: { match: { message: informer.dispatch, key: default/beta, params: { callback: OnAdd } }, min: 1 } }
    answer: update
    explanation:
      en: >-
        The informer only sees the relist's result: key default/beta is listed and cached, so the delta
        becomes indexer.Update and OnUpdate(old, new) (SI2). Replace produces no tombstone either, since the
        key is still listed. UID is not identity for an informer (SI13).
      zh: >-
        Informer 只看到重新列举的结果：键 default/beta 在列表中，也在缓存中，所以这个增量变成
        indexer.Update 和 OnUpdate(old, new)（SI2）。Replace 也不会产生墓碑对象，因为这个键仍在列表中。
        对 Informer 来说，UID 不是身份（SI13）。
    reveal: { message: informer.dispatch, lane: Foo }
    within: 4
  - id: gamma-callback
    before: { message: informer.pop, lane: Foo, key: default/gamma }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    question:
      en: gamma's delta is Replaced, just like alpha's and beta's. Which callback does it produce?
      zh: gamma 的增量和 alpha、beta 的一样是 Replaced。它会产生哪个回调？
    choices:
      - id: on-update
        text:
          en: OnUpdate, like the other two
          zh: OnUpdate，和另外两个一样
        check: { count: { match: { message: informer.dispatch, key: default/gamma, params: { callback: OnUpdate } }, min: 1 } }
      - id: on-add
        text:
          en: OnAdd, because gamma is not in the cache
          zh: OnAdd，因为 gamma 不在缓存中
        check: { count: { match: { message: informer.dispatch, key: default/gamma, params: { callback: OnAdd, type: Replaced } }, min: 1 } }
    answer: on-add
    explanation:
      en: >-
        Added, Updated, Replaced and Sync deltas all go through the same code: if the indexer has the key,
        Update and OnUpdate; otherwise Add and OnAdd (SI2).
      zh: >-
        Added、Updated、Replaced 和 Sync 增量走的是同一段代码：索引器里有这个键，就 Update 并调用 OnUpdate；
        否则 Add 并调用 OnAdd（SI2）。
    reveal: { message: informer.dispatch, lane: Foo, key: default/gamma }
    within: 2
goal:
  description:
    en: >-
      After the relist, the cached keys alpha and beta (even the re-created beta) get OnUpdate and the new key
      gamma gets OnAdd, although all three deltas are Replaced.
    zh: >-
      重新列举之后，已缓存的键 alpha 和 beta（包括重新创建的 beta）收到 OnUpdate，新键 gamma 收到 OnAdd，
      尽管三个增量都是 Replaced。
  check:
    all:
      - { count: { match: { message: informer.dispatch, key: default/alpha, params: { callback: OnUpdate, type: Replaced } }, min: 1 } }
      - { count: { match: { message: informer.dispatch, key: default/beta, params: { callback: OnUpdate, type: Replaced } }, min: 1 } }
      - { count: { match: { message: informer.dispatch, key: default/gamma, params: { callback: OnAdd, type: Replaced } }, min: 1 } }
      - { count: { match: { message: informer.dispatch, lane: Foo, key: default/beta, params: { callback: OnDelete } }, max: 0 } }
`;
