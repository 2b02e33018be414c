/** Lesson 9: the stale cache: 409 AlreadyExists and 409 Conflict, retried until the informer catches up (C6, S25, S26, I8). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: stale-cache
  number: 9
  title:
    en: 'The stale cache: 409 AlreadyExists and 409 Conflict'
    zh: 过期的缓存：409 AlreadyExists 与 409 Conflict
  summary:
    en: >-
      A controller reads its listers, not the API server. When an informer lags, the controller acts on
      old state: it creates what already exists (409 AlreadyExists) or writes with an old resourceVersion
      (409 Conflict). It recovers by returning the error and retrying with backoff until the cache
      catches up.
    zh: >-
      控制器读取的是 lister（本地缓存），而不是 APIServer。Informer 落后时，控制器就会基于旧状态行动：
      创建已经存在的对象（409 AlreadyExists），或者用旧的资源版本写入（409 Conflict）。它的恢复方法是返回错误，
      带退避地重试，直到缓存追上来。
rules: [C6, S25, S26, I8, W10]
steps: 140
seed: 9
settings:
  era: classic
  resyncPeriod: 0
  latency:
    watchDelivery: { min: 20ms, max: 60ms }
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
  - { at: 2s, action: watchError, code: 500, kind: Deployment }
  - at: 2100ms
    action: create
    object:
      kind: Foo
      metadata: { name: gamma }
      spec: { deploymentName: gamma, replicas: 2 }
  - { at: 2300ms, action: patch, target: { kind: Foo, name: gamma }, labels: { tier: web } }
  - { at: 3268ms, action: watchError, code: 500, kind: Foo }
narration:
  - when: { message: reflector.watch-error, lane: Deployment }
    text:
      en: >-
        At 2 s the Deployment watch breaks. For about a second the Deployment informer's cache falls behind
        the server. Every informer lags a little; this lesson makes the lag long enough to see.
      zh: >-
        2 秒时 Deployment 的 watch 断开。大约一秒钟内，Deployment Informer 的本地缓存落后于服务器。
        每个 Informer 都会有一点延迟；本课程只是把它拉长到看得见。
  - when: { message: user.write, key: default/gamma, params: { verb: create } }
    text:
      en: >-
        A user creates Foo gamma. The Foo informer is fine, so a worker will pick up default/gamma right away.
      zh: >-
        用户创建了 Foo gamma。Foo 的 Informer 工作正常，所以 Worker 马上就会拿到 default/gamma。
  - when: { message: apiserver.write, lane: Deployment, key: default/gamma, params: { code: 201 } }
    text:
      en: >-
        The worker created Deployment gamma ({code}). The Deployment informer cannot see it: its watch is down.
      zh: >-
        Worker 创建了 Deployment gamma（{code}）。Deployment 的 Informer 看不到它：它的 watch 断开了。
  - when: { message: worker.get-deployment, key: default/gamma, params: { found: false } }
    after: { message: user.write, key: default/gamma, params: { verb: patch } }
    text:
      en: >-
        A user's patch brings gamma back to a worker. The Deployment lister still answers NotFound (I8),
        so syncHandler creates the Deployment again...
      zh: >-
        用户的 patch 让 gamma 再次来到 Worker。Deployment lister 仍然回答 NotFound（I8），
        于是 syncHandler 再次创建这个 Deployment……
  - when: { message: apiserver.write, params: { reason: AlreadyExists } }
    text:
      en: >-
        ...and the server answers 409 AlreadyExists (S25). The cache was stale; the server is the truth.
      zh: >-
        ……服务器回答 409 AlreadyExists（S25）。缓存过期了，服务器才是事实。
  - when: { message: worker.add-rate-limited, key: default/gamma, params: { code: 409 } }
    text:
      en: >-
        The error sends gamma back with AddRateLimited ({delayMs} ms). Every retry asks the same stale
        lister and fails the same way, each time after a doubled delay.
      zh: >-
        这个错误让 gamma 通过 AddRateLimited 回到队列（{delayMs} 毫秒）。每次重试问的都是同一个过期的 lister，
        以同样的方式失败，每次的延迟都翻倍。
  - when: { message: reflector.replace, lane: Deployment, params: { relist: true } }
    text:
      en: >-
        The Deployment informer relists and now caches Deployment gamma. The next retry finds it.
      zh: >-
        Deployment 的 Informer 重新列举，现在缓存里有了 Deployment gamma。下一次重试就能找到它。
  - when: { message: reflector.watch-error, lane: Foo }
    text:
      en: >-
        Now the Foo watch breaks. For a while the Foo lister keeps gamma as it was.
      zh: >-
        这次轮到 Foo 的 watch 断开。一段时间内，Foo lister 中的 gamma 保持原样。
  - when: { message: apiserver.write, lane: Foo, params: { reason: Conflict } }
    text:
      en: >-
        UpdateStatus carries the lister's copy of gamma, whose resourceVersion is older than the server's
        (the previous status write changed it). Optimistic concurrency answers 409 Conflict (S26).
      zh: >-
        UpdateStatus 带着 lister 中 gamma 的副本，它的资源版本比服务器上的旧（上一次 status 写入改变了它）。
        乐观并发控制回答 409 Conflict（S26）。
  - when: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        The Foo informer relists and the lister has the current gamma again.
      zh: >-
        Foo 的 Informer 重新列举，lister 中又有了最新的 gamma。
  - when: { message: worker.forget, key: default/gamma }
    after: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        With a fresh cache the status write succeeds and Forget resets gamma's backoff. 409s from a stale
        cache are normal; a controller survives them by returning the error and trying again (C6).
      zh: >-
        缓存更新之后，status 写入成功，Forget 重置了 gamma 的退避。过期缓存导致的 409 是常态；
        控制器靠返回错误并重试来应对它们（C6）。
pauses:
  - id: stale-create
    before: { message: client.request, key: default/gamma, params: { verb: create } }
    after: { message: user.write, key: default/gamma, params: { verb: patch } }
    question:
      en: >-
        A user's patch brings gamma to a worker again. Deployment gamma exists on the server (the worker
        created it at 2.15 s), but the Deployment informer's watch is down. What happens in this sync?
      zh: >-
        用户的 patch 再次让 gamma 来到 Worker。服务器上已有 Deployment gamma（Worker 在 2.15 秒时创建），
        但 Deployment Informer 的 watch 断开了。这次同步会发生什么？
    choices:
      - id: found
        text:
          en: The lister finds Deployment gamma and the worker only updates the status
          zh: lister 找到了 Deployment gamma，Worker 只更新 status
        check: { count: { match: { message: worker.get-deployment, key: default/gamma, params: { found: true } }, min: 1 } }
      - id: already-exists
        text:
          en: The lister says NotFound, the worker creates it again and gets 409 AlreadyExists
          zh: lister 说 NotFound，Worker 再次创建，收到 409 AlreadyExists
        check:
          sequence:
            - { message: apiserver.write, key: default/gamma, params: { reason: AlreadyExists } }
            - { message: worker.add-rate-limited, key: default/gamma }
      - id: duplicate
        text:
          en: The lister says NotFound and the server creates a second Deployment gamma
          zh: lister 说 NotFound，服务器又创建了第二个 Deployment gamma
        check: { count: { match: { message: apiserver.write, lane: Deployment, key: default/gamma, params: { code: 201 } }, min: 1 } }
    answer: already-exists
    explanation:
      en: >-
        Listers answer from the informer's cache, and a miss looks exactly like a real NotFound (I8). Names
        are unique on the server, so the second create fails with 409 AlreadyExists (S25); syncHandler
        returns the error and the key is retried with backoff (C6).
      zh: >-
        lister 用 Informer 的本地缓存回答，缓存未命中看起来和真正的 NotFound 一模一样（I8）。
        服务器上名字是唯一的，所以第二次创建以 409 AlreadyExists 失败（S25）；syncHandler 返回错误，
        这个键带退避地重试（C6）。
    reveal: { key: default/gamma, messagePrefix: client.response }
    within: 8
  - id: conflict
    before: { message: apiserver.write, lane: Foo, params: { reason: Conflict } }
    question:
      en: >-
        The worker sends UpdateStatus for gamma with the copy in its Foo lister. The server's gamma has a
        newer resourceVersion: the previous status write changed it, and the Foo watch is down. What does
        the server answer?
      zh: >-
        Worker 用 Foo lister 中的副本为 gamma 发送 UpdateStatus。服务器上的 gamma 资源版本更新：
        上一次 status 写入改变了它，而 Foo 的 watch 断开了。服务器会怎样回答？
    choices:
      - id: ok
        text:
          en: 200; a status update does not check the resourceVersion
          zh: 200；更新 status 不检查资源版本
        check: { count: { match: { message: apiserver.write, lane: Foo, key: default/gamma, params: { code: 200 } }, min: 1 } }
      - id: conflict
        text:
          en: 409 Conflict; the object has been modified
          zh: 409 Conflict；对象已被修改
        check: { count: { match: { message: apiserver.write, lane: Foo, key: default/gamma, params: { reason: Conflict } }, min: 1 } }
    answer: conflict
    explanation:
      en: >-
        An update, status subresource included, must carry the stored resourceVersion or it fails with
        409 Conflict (S26). The worker's next attempt reads the lister again; once the informer catches up
        the write goes through.
      zh: >-
        更新（包括 status 子资源）必须带上存储中的资源版本，否则以 409 Conflict 失败（S26）。
        Worker 下一次尝试会重新读取 lister；一旦 Informer 追上来，写入就会成功。
    reveal: { message: apiserver.write, lane: Foo }
    within: 2
goal:
  description:
    en: >-
      Acting on a stale Deployment lister, the controller gets 409 AlreadyExists and retries until the
      informer catches up; acting on a stale Foo lister, it gets 409 Conflict and retries until its status
      write succeeds. Only one Deployment gamma is ever created.
    zh: >-
      基于过期的 Deployment lister，控制器收到 409 AlreadyExists，并重试直到 Informer 追上；基于过期的
      Foo lister，它收到 409 Conflict，并重试直到 status 写入成功。Deployment gamma 自始至终只被创建了一个。
  check:
    all:
      - sequence:
          - { message: user.write, key: default/gamma, params: { verb: patch } }
          - { message: apiserver.write, lane: Deployment, key: default/gamma, params: { reason: AlreadyExists } }
          - { message: worker.add-rate-limited, key: default/gamma, params: { code: 409 } }
          - { message: reflector.replace, lane: Deployment, params: { relist: true } }
          - { message: worker.get-deployment, key: default/gamma, params: { found: true } }
      - sequence:
          - { message: reflector.watch-error, lane: Foo }
          - { message: apiserver.write, lane: Foo, key: default/gamma, params: { reason: Conflict } }
          - { message: worker.add-rate-limited, key: default/gamma, params: { code: 409 } }
          - { message: reflector.replace, lane: Foo, params: { relist: true } }
          - { message: worker.forget, key: default/gamma }
      - { count: { match: { message: apiserver.write, lane: Deployment, key: default/gamma, params: { code: 201 } }, max: 1 } }
`;
