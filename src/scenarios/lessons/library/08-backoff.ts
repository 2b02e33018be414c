/** Lesson 8: failures and backoff: AddRateLimited 5 ms, 10 ms, 20 ms..., Forget on success (W9, W10, W13, W14, C3, T5). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: backoff
  number: 8
  title:
    en: 'Failures and backoff: AddRateLimited, then Forget'
    zh: 失败与退避：AddRateLimited，然后 Forget
  summary:
    en: >-
      When a reconcile fails, the worker re-adds the key with AddRateLimited: 5 ms, 10 ms, 20 ms, 40 ms...
      per key. On success it calls Forget, and the next failure starts again at 5 ms.
    zh: >-
      调和失败时，Worker 用 AddRateLimited 重新加入这个键：按键计算 5 毫秒、10 毫秒、20 毫秒、40 毫秒……
      成功时调用 Forget，下一次失败又从 5 毫秒开始。
rules: [W9, W10, W13, W14, C3]
steps: 52
seed: 8
settings:
  era: classic
  resyncPeriod: 0
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
  - { at: 2s, action: failReconciles, count: 4 }
  - { at: 2s, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "1" } }
  - { at: 4s, action: failReconciles, count: 1 }
  - { at: 4s, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "2" } }
narration:
  - when: { message: fault.fail-reconciles }
    text:
      en: >-
        From now on the next {count} reconciles fail with an injected error, as if a dependency were down.
        Then a user changes alpha.
      zh: >-
        从现在起，接下来的 {count} 次调和会以注入的错误失败，就像某个依赖服务宕机了。随后用户修改了 alpha。
  - when: { message: worker.add-rate-limited, params: { requeues: 1 } }
    text:
      en: >-
        The sync of {key} failed. processNextWorkItem calls AddRateLimited: the key comes back after
        {delayMs} ms, not at once (W9, C3).
      zh: >-
        {key} 的同步失败了。processNextWorkItem 调用 AddRateLimited：这个键在 {delayMs} 毫秒后才回来，而不是立即（W9、C3）。
  - when: { message: workqueue.delayed-ready }
    text:
      en: >-
        The delaying queue's waiting loop moves {key} into the queue when its delay is over, and a worker
        Gets it.
      zh: >-
        延迟结束时，延迟队列的等待循环把 {key} 移入队列，Worker 随即 Get 到它。
  - when: { message: worker.add-rate-limited, params: { requeues: 2 } }
    text:
      en: >-
        Failed again: {delayMs} ms. The per-item exponential limiter doubles the delay with every failure
        it has recorded for this key (W10).
      zh: >-
        又失败了：{delayMs} 毫秒。按条目的指数限速器会根据这个键已记录的失败次数，每次把延迟翻倍（W10）。
  - when: { message: worker.add-rate-limited, params: { requeues: 4 } }
    text:
      en: >-
        {delayMs} ms. DefaultControllerRateLimiter takes the larger of this exponential backoff (5 ms,
        doubling up to 1000 s) and a 10 qps token bucket shared by all keys (W13, W14).
      zh: >-
        {delayMs} 毫秒。DefaultControllerRateLimiter 取两者中较大的一个：这个指数退避（5 毫秒起，
        翻倍直到 1000 秒）和所有键共享的每秒 10 个令牌的令牌桶（W13、W14）。
  - when: { message: worker.forget, key: default/alpha }
    after: { message: fault.fail-reconciles }
    text:
      en: >-
        Success: Forget({key}) clears the failure count. Forget does not touch the queue; it only resets the
        limiter's history for this key (W9).
      zh: >-
        成功：Forget({key}) 清除失败计数。Forget 不动队列，只重置限速器中这个键的历史（W9）。
  - when: { message: worker.add-rate-limited }
    after: { message: fault.fail-reconciles, params: { count: 1 } }
    text:
      en: >-
        A new failure two seconds later starts again at {delayMs} ms, because Forget reset the history. A
        controller that never calls Forget would wait 80 ms here, and minutes after a few more failures.
      zh: >-
        两秒后的新失败又从 {delayMs} 毫秒开始，因为 Forget 重置了历史。从不调用 Forget 的控制器在这里会等
        80 毫秒，再失败几次就要等上几分钟。
pauses:
  - id: third-failure
    before: { message: worker.add-rate-limited, params: { requeues: 3 } }
    question:
      en: >-
        alpha's sync failed twice and was retried after 5 ms, then 10 ms. It has just failed a third time.
        When is it retried?
      zh: alpha 的同步失败了两次，分别在 5 毫秒和 10 毫秒后重试。现在它第三次失败了。什么时候重试？
    choices:
      - id: ten
        text:
          en: After 10 ms again
          zh: 还是 10 毫秒后
        check: { count: { match: { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 10 } }, min: 1 } }
      - id: twenty
        text:
          en: After 20 ms
          zh: 20 毫秒后
        check: { count: { match: { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 20 } }, min: 1 } }
      - id: at-once
        text:
          en: At once
          zh: 立即
        check: { count: { match: { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 0 } }, min: 1 } }
    answer: twenty
    explanation:
      en: >-
        ItemExponentialFailureRateLimiter answers base × 2^failures: 5, 10, 20, 40 ms... for each key on its
        own (W10). The bucket part of the default limiter still has tokens, so it adds nothing.
      zh: >-
        ItemExponentialFailureRateLimiter 返回 base × 2^失败次数：对每个键分别是 5、10、20、40 毫秒……（W10）。
        默认限速器中的令牌桶还有令牌，所以不会增加延迟。
    reveal: { message: worker.add-rate-limited, key: default/alpha }
    within: 2
  - id: after-forget
    before: { message: worker.add-rate-limited }
    after: { message: fault.fail-reconciles, params: { count: 1 } }
    question:
      en: >-
        alpha succeeded after four failures and the worker called Forget. At 4 s its sync fails again. How
        long until it is retried?
      zh: >-
        alpha 在四次失败后成功了，Worker 调用了 Forget。4 秒时它的同步又失败了。多久之后重试？
    choices:
      - id: five
        text:
          en: 5 ms, a fresh start
          zh: 5 毫秒，重新开始
        check: { count: { match: { message: worker.add-rate-limited, params: { delayMs: 5, requeues: 1 } }, min: 1 } }
      - id: eighty
        text:
          en: 80 ms, the next step after 40 ms
          zh: 80 毫秒，40 毫秒之后的下一级
        check: { count: { match: { message: worker.add-rate-limited, params: { delayMs: 80 } }, min: 1 } }
    answer: five
    explanation:
      en: >-
        Forget deleted alpha's failure count, so the exponential limiter starts from its base again (W9,
        W10). Forgetting Forget is a classic bug: the delay keeps growing across unrelated failures.
      zh: >-
        Forget 删除了 alpha 的失败计数，所以指数限速器又从基数开始（W9、W10）。忘记调用 Forget 是经典错误：
        延迟会在互不相关的失败之间不断累积增长。
    reveal: { message: worker.add-rate-limited }
    within: 2
goal:
  description:
    en: >-
      alpha's failures are retried after 5, 10, 20 and 40 ms; on success it is forgotten, and the next
      failure is retried after 5 ms again.
    zh: >-
      alpha 的失败分别在 5、10、20、40 毫秒后重试；成功后被 Forget，下一次失败又在 5 毫秒后重试。
  check:
    sequence:
      - { message: fault.fail-reconciles }
      - { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 5, requeues: 1 } }
      - { message: workqueue.delayed-ready, key: default/alpha }
      - { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 10 } }
      - { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 20 } }
      - { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 40 } }
      - { message: worker.forget, key: default/alpha }
      - { message: fault.fail-reconciles }
      - { message: worker.add-rate-limited, key: default/alpha, params: { delayMs: 5, requeues: 1 } }
      - { message: worker.forget, key: default/alpha }
`;
