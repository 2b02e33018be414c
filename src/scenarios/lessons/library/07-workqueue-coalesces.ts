/** Lesson 7: the workqueue coalesces: many events, one reconcile; adding while processing (W1, W2, W3, W4). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: workqueue-coalesces
  number: 7
  title:
    en: 'The workqueue coalesces: many events, one reconcile'
    zh: 工作队列会合并：多个事件，一次调和
  summary:
    en: >-
      A workqueue holds keys, not events. Adding a key that is already waiting changes nothing, and adding a
      key while a worker processes it marks it for exactly one more pass after Done, never a second worker.
    zh: >-
      工作队列里存放的是键，而不是事件。再次加入一个正在等待的键不会有任何变化；在 Worker 处理某个键时加入它，
      只会让它在 Done 之后再处理恰好一次，绝不会交给第二个 Worker。
rules: [W1, W2, W3, W4]
steps: 78
seed: 7
settings:
  era: classic
  resyncPeriod: 0
  workers: 1
  reconcile: { duration: 150ms }
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
  - { at: 2s, action: patch, target: { kind: Foo, name: beta }, labels: { rev: "1" } }
  - { at: 2020ms, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "1" } }
  - { at: 2035ms, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "2" } }
  - { at: 2050ms, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "3" } }
  - { at: 2065ms, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "4" } }
  - { at: 2080ms, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "5" } }
  - { at: 2250ms, action: patch, target: { kind: Deployment, name: alpha }, labels: { rev: "1" } }
narration:
  - when: { message: controller.caches-synced }
    text:
      en: >-
        One worker only, and every reconcile spends 150 ms on business logic before its first API call:
        long enough to watch the workqueue at work.
      zh: >-
        只有一个 Worker，每次调和在第一次调用 API 之前都要花 150 毫秒处理业务逻辑：足够让我们看清工作队列的行为。
  - when: { message: worker.get, key: default/beta }
    after: { message: user.write }
    text:
      en: >-
        A user touched beta; the worker takes default/beta and will be busy for a while.
      zh: >-
        用户修改了 beta；Worker 取出 default/beta，接下来会忙一阵子。
  - when: { message: workqueue.add, key: default/alpha, params: { result: queued } }
    after: { message: user.write, key: default/alpha }
    text:
      en: >-
        Meanwhile alpha changes five times in 60 ms. The first Add(default/alpha) marks the key dirty and
        appends it to the queue (W1).
      zh: >-
        与此同时，alpha 在 60 毫秒内变化了五次。第一次 Add(default/alpha) 把这个键标记为 dirty，并追加到队列中（W1）。
  - when: { message: workqueue.add, key: default/alpha, params: { result: already-dirty } }
    after: { message: user.write, key: default/alpha }
    text:
      en: >-
        Add again: default/alpha is already dirty and waiting, so nothing changes. There is no second copy
        (W1), and the queue depth stays {depth}.
      zh: >-
        再次 Add：default/alpha 已经是 dirty 并在等待，所以什么也不变。不会有第二份（W1），队列深度仍是 {depth}。
  - when: { message: worker.get, key: default/alpha }
    after: { message: user.write, key: default/alpha }
    text:
      en: >-
        The worker is free and Gets default/alpha: one reconcile for five events. It reads the newest alpha
        from the lister, so no change is lost.
      zh: >-
        Worker 空闲了，Get 到 default/alpha：五个事件，一次调和。它从 lister 读取最新的 alpha，所以没有遗漏任何修改。
  - when: { message: workqueue.add, key: default/alpha, params: { result: dirty-while-processing } }
    text:
      en: >-
        A Deployment event calls Add(default/alpha) while the worker is still processing it. The key is
        marked dirty but not queued, so no second worker can pick it up (W3).
      zh: >-
        一个 Deployment 事件在 Worker 仍在处理 default/alpha 时调用了 Add。这个键被标记为 dirty，
        但不会入队，因此第二个 Worker 不可能拿到它（W3）。
  - when: { message: worker.done, key: default/alpha, params: { requeued: true } }
    text:
      en: >-
        Done(default/alpha): the key was added again meanwhile, so now it goes to the tail of the queue and
        gets exactly one more pass, however many adds there were (W3).
      zh: >-
        Done(default/alpha)：处理期间这个键又被加入过，所以现在它排到队尾，无论加入了多少次，都只再处理一次（W3）。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    after: { message: worker.done, key: default/alpha, params: { requeued: true } }
    text:
      en: >-
        That pass updated alpha's status ({oldRv} → {rv}). The change comes back as one more event and one
        last reconcile, which finds nothing left to do.
      zh: >-
        那一次处理更新了 alpha 的 status（{oldRv} → {rv}）。这个修改作为又一个事件回来，带来最后一次调和，
        而它发现已无事可做。
pauses:
  - id: burst
    before: { message: worker.get, key: default/alpha }
    after: { message: user.write, key: default/alpha }
    question:
      en: >-
        The only worker was busy with beta while foo-handler called Add(default/alpha) five times. The worker
        is free now. How many times will it Get alpha for those five adds?
      zh: >-
        唯一的 Worker 忙于 beta 时，foo-handler 调用了五次 Add(default/alpha)。现在 Worker 空闲了。
        对于这五次 Add，它会 Get 到 alpha 多少次？
    choices:
      - id: five
        text:
          en: Five times, once per event
          zh: 五次，每个事件一次
        check:
          between:
            before: { message: user.write, lane: Deployment }
            check: { count: { match: { message: worker.get, key: default/alpha }, min: 5 } }
      - id: once
        text:
          en: Once
          zh: 一次
        check:
          between:
            before: { message: user.write, lane: Deployment }
            check: { count: { match: { message: worker.get, key: default/alpha }, min: 1, max: 1 } }
      - id: none
        text:
          en: Not at all; adds made while the worker was busy were dropped
          zh: 一次也不会；Worker 忙碌时的 Add 被丢弃了
        check:
          between:
            before: { message: user.write, lane: Deployment }
            check: { count: { match: { message: worker.get, key: default/alpha }, max: 0 } }
    answer: once
    explanation:
      en: >-
        Add puts a key in the dirty set and the queue only if it is not dirty yet (W1). Five adds of a
        waiting key leave one entry; the reconcile that follows reads the current state, which includes all
        five changes.
      zh: >-
        只有当键还不是 dirty 时，Add 才会把它放进 dirty 集合和队列（W1）。对一个正在等待的键 Add 五次，
        队列里仍只有一项；随后的调和读取当前状态，它已包含全部五次修改。
    reveal: { message: worker.get, key: default/alpha }
    within: 10
  - id: added-while-processing
    before: { message: worker.done, key: default/alpha, params: { requeued: true } }
    question:
      en: >-
        While the worker was reconciling alpha, two Deployment events called Add(default/alpha). The worker
        now calls Done(default/alpha). What happens next?
      zh: >-
        Worker 调和 alpha 期间，两个 Deployment 事件调用了 Add(default/alpha)。现在 Worker 调用
        Done(default/alpha)。接下来会发生什么？
    choices:
      - id: once-more
        text:
          en: alpha goes back to the queue and is processed once more
          zh: alpha 回到队列，再处理一次
        check:
          between:
            before: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
            check: { count: { match: { message: worker.get, key: default/alpha }, min: 1, max: 1 } }
      - id: twice-more
        text:
          en: alpha is processed twice more, once per add
          zh: alpha 再处理两次，每次 Add 一次
        check:
          between:
            before: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
            check: { count: { match: { message: worker.get, key: default/alpha }, min: 2 } }
      - id: lost
        text:
          en: Nothing; adds made during processing are lost
          zh: 什么也不发生；处理期间的 Add 丢失了
        check:
          between:
            before: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
            check: { count: { match: { message: worker.get, key: default/alpha }, max: 0 } }
    answer: once-more
    explanation:
      en: >-
        A key being processed is never handed out again; an Add only marks it dirty. Done removes it from
        processing and, because it is dirty, appends it to the queue once (W3): no add is lost, and any
        number of them costs one extra pass.
      zh: >-
        正在处理的键不会再被分发；Add 只会把它标记为 dirty。Done 把它移出 processing，因为它是 dirty 的，
        所以把它追加到队列一次（W3）：Add 不会丢失，多少次 Add 都只多处理一次。
    reveal: { key: default/alpha, component: worker }
    within: 10
goal:
  description:
    en: >-
      Five events for alpha, queued while the worker was busy, cost one reconcile; two adds during that
      reconcile cost exactly one more pass, after Done.
    zh: >-
      worker 忙碌期间 alpha 的五个事件只带来一次调和；那次调和期间的两次 Add 在 Done 之后恰好多带来一次处理。
  check:
    all:
      - between:
          after: { message: user.write, key: default/alpha }
          before: { message: worker.get, key: default/alpha }
          check:
            all:
              - { count: { match: { message: handler.OnUpdate, key: default/alpha, params: { handler: foo-handler } }, min: 5 } }
              - { count: { match: { message: workqueue.add, key: default/alpha, params: { result: already-dirty } }, min: 4 } }
      - sequence:
          - { message: worker.get, key: default/alpha }
          - { message: workqueue.add, key: default/alpha, params: { result: dirty-while-processing } }
          - { message: worker.done, key: default/alpha, params: { requeued: true } }
          - { message: worker.get, key: default/alpha }
      - between:
          after: { message: user.write, key: default/alpha }
          check: { count: { match: { message: worker.get, key: default/alpha }, max: 3 } }
`;
