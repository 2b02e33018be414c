/** Lesson 15: Retry-After: the REST client retries a 429 up to ten times before the worker sees it (K4, K5, K6, C3). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: retry-after
  number: 15
  title:
    en: 'Retry-After: a burst of 429s delays a call; only a long one fails it'
    zh: Retry-After：短暂的 429 只会推迟调用，持续太久才会让它失败
  summary:
    en: >-
      When the API server answers 429 Too Many Requests (or a 5xx) with a Retry-After header, the REST
      client sleeps that long and sends the request again, up to ten times, before its caller sees
      anything. A three-second burst of 429s only delays a status update; a fifteen-second one outlasts
      the eleven attempts, and only then does the worker get the error and back off.
    zh: >-
      当 APIServer 以 429 Too Many Requests（或 5xx）应答并带有 Retry-After 头时，REST 客户端会睡眠相应的
      时间再重发请求，最多重试十次，调用方在此之前什么也看不到。三秒钟的 429 只会推迟一次 status 更新；
      十五秒的 429 会耗尽全部十一次尝试，直到那时 Worker 才拿到错误并退避。
rules: [K4, K5, K6, C3]
steps: 96
seed: 15
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
  - { at: 2s, action: apiErrors, code: 429, duration: 3s }
  - { at: 2s, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "1" } }
  - { at: 8s, action: apiErrors, code: 429, duration: 15s }
  - { at: 8s, action: patch, target: { kind: Foo, name: alpha }, labels: { rev: "2" } }
narration:
  - when: { message: fault.api-errors }
    text:
      en: >-
        From 2 s the API server answers every new request with 429 Too Many Requests for three seconds, as
        its max-in-flight or priority-and-fairness filter does under load. Such a 429 carries Retry-After:
        {retryAfter} (K5). Then a user changes alpha, so a worker will reconcile it and update its status.
      zh: >-
        从 2 秒开始的三秒钟内，APIServer 对每个新请求都返回 429 Too Many Requests，就像它的 max-in-flight
        或 priority-and-fairness 过滤器在高负载时那样。这样的 429 带有 Retry-After: {retryAfter}（K5）。
        随后用户修改了 alpha，所以会有一个 Worker 调和它并更新它的 status。
  - when: { message: rest.retry-after }
    text:
      en: >-
        429 with Retry-After: {retryAfter}. The REST client does not hand this answer to the worker: it sleeps
        exactly {retryAfter} s and sends the same request again (K4). The worker stays blocked inside
        UpdateStatus, as it would for a slow answer.
      zh: >-
        收到 429，带 Retry-After: {retryAfter}。REST 客户端不会把这个应答交给 Worker：它精确地睡眠
        {retryAfter} 秒，然后重发同一个请求（K4）。Worker 一直阻塞在 UpdateStatus 调用里，就像应答很慢时一样。
  - when: { message: rest.retry }
    text:
      en: >-
        Attempt {attempt} of 11 goes out. Before it, the retry took a token from the client's bucket like
        any request (K1), and client-go logged "Got a Retry-After {retryAfter}s response for attempt
        {failed}" at V(4).
      zh: >-
        第 {attempt} 次尝试（共 11 次）发出。发出之前，这次重试像其他请求一样从客户端的令牌桶里拿了一个令牌（K1），
        client-go 在 V(4) 级别记录了 "Got a Retry-After {retryAfter}s response for attempt {failed}"。
  - when: { message: client.response-ok, params: { stage: update-status } }
    after: { message: fault.api-errors }
    text:
      en: >-
        The burst is over and this attempt succeeds. All the worker sees is a success, three seconds late:
        no error, no AddRateLimited, no backoff (K6). Short bursts of 429s only delay calls.
      zh: >-
        这阵 429 结束了，这次尝试成功。Worker 看到的只是一次晚了三秒的成功：没有错误，没有 AddRateLimited，
        也没有退避（K6）。短暂的 429 只会推迟调用。
  - when: { message: fault.api-errors, params: { durationMs: 15000 } }
    text:
      en: >-
        At 8 s a longer burst begins: fifteen seconds of 429s. Eleven attempts one second apart last only
        about ten seconds.
      zh: 8 秒时开始了一阵更长的 429：持续十五秒。而相隔一秒的十一次尝试只能持续大约十秒。
  - when: { message: worker.add-rate-limited }
    text:
      en: >-
        Attempt 11 of 11 got 429 too, so the retries are used up and the last answer, the 429, reaches the
        worker at last. Its sync fails and processNextWorkItem calls AddRateLimited: alpha comes back
        after {delayMs} ms (C3), and its next reconcile meets the same burst.
      zh: >-
        第 11 次尝试（共 11 次）同样得到 429，重试用完了，最后一个应答，也就是这个 429，终于交到了 Worker 手里。
        同步失败，processNextWorkItem 调用 AddRateLimited：alpha 在 {delayMs} 毫秒后回来（C3），它的下一次调和
        又会遇上同一阵 429。
  - when: { message: client.response-ok, params: { stage: update-status } }
    after: { message: worker.add-rate-limited }
    text:
      en: >-
        The second reconcile's call was retried in the same way and succeeds when the burst ends at 23 s.
        The open watches never noticed: the fault answers new requests only, and an ERROR event inside a
        watch stream would not be retried by the REST client anyway (K6).
      zh: >-
        第二次调和的调用也以同样的方式重试，并在这阵 429 于 23 秒结束时成功。已经打开的 watch 完全没有受到影响：
        这个故障只应答新请求；而且 watch 流里的 ERROR 事件本来就不会被 REST 客户端重试（K6）。
pauses:
  - id: first-429
    before: { message: rest.retry-after }
    question:
      en: >-
        The API server answers alpha's status update with 429 Too Many Requests and Retry-After: 1. What
        happens next?
      zh: >-
        APIServer 对 alpha 的 status 更新返回 429 Too Many Requests，并带有 Retry-After: 1。接下来会发生什么？
    choices:
      - id: worker-fails
        text:
          en: UpdateStatus returns the 429 and the worker calls AddRateLimited
          zh: UpdateStatus 返回 429，Worker 调用 AddRateLimited
        check: { count: { match: { message: worker.add-rate-limited }, min: 1 } }
      - id: client-retries
        text:
          en: The REST client sleeps 1 s and sends the request again; the worker keeps waiting
          zh: REST 客户端睡眠 1 秒后重发请求；Worker 继续等待
        check:
          all:
            - { count: { match: { message: rest.retry }, min: 1 } }
            - { count: { match: { message: worker.add-rate-limited }, max: 0 } }
      - id: relist
        text:
          en: The Foo informer relists, because the server is overloaded
          zh: 因为服务器过载，Foo Informer 重新列举
        check: { count: { match: { message: reflector.list }, min: 1 } }
    answer: client-retries
    explanation:
      en: >-
        A 429 or 5xx with Retry-After is retried inside the REST client: sleep exactly that long, take a
        token, send again, up to ten retries (K4). Writes are retried too, since typed clients send their
        body as bytes that can be sent again. Nothing reaches the worker yet.
      zh: >-
        带 Retry-After 的 429 或 5xx 会在 REST 客户端内部重试：精确地睡眠那么久，拿一个令牌，再次发送，
        最多重试十次（K4）。写请求也会重试，因为类型化客户端把请求体编码成可以重发的字节。此时 Worker 还什么都没收到。
    reveal: { message: rest.retry }
    within: 6
  - id: eleventh-attempt
    before: { message: rest.retries-exhausted }
    question:
      en: >-
        The fifteen-second burst goes on. Attempt 11 of 11 has just been answered with 429 again. What now?
      zh: 十五秒的 429 还在继续。第 11 次尝试（共 11 次）刚刚又得到了 429。现在会怎样？
    choices:
      - id: twelfth
        text:
          en: A twelfth attempt after another second
          zh: 再等一秒，进行第 12 次尝试
        check: { count: { match: { message: rest.retry, params: { attempt: 12 } }, min: 1 } }
      - id: to-worker
        text:
          en: The 429 reaches the worker, which calls AddRateLimited
          zh: 这个 429 交到 Worker 手里，Worker 调用 AddRateLimited
        check: { count: { match: { message: worker.add-rate-limited, params: { code: 429 } }, min: 1 } }
    answer: to-worker
    explanation:
      en: >-
        maxRetries is 10: after the eleventh attempt the REST client returns the last answer's error, here
        429 TooManyRequests, about ten seconds after the first attempt (K4, K6). Only now does the
        controller's own retry take over: AddRateLimited and the workqueue's backoff (C3).
      zh: >-
        maxRetries 是 10：第十一次尝试之后，REST 客户端返回最后一个应答的错误，这里是 429 TooManyRequests，
        距第一次尝试大约十秒（K4、K6）。直到这时，控制器自己的重试才接手：AddRateLimited 和工作队列的退避（C3）。
    reveal: { message: worker.add-rate-limited }
    within: 3
goal:
  description:
    en: >-
      The three-second burst of 429s only delays alpha's status update (retried by the REST client, no
      AddRateLimited); the fifteen-second burst reaches the worker after 11 attempts, and it backs off.
    zh: >-
      三秒钟的 429 只推迟了 alpha 的 status 更新（由 REST 客户端重试，没有 AddRateLimited）；十五秒的 429
      在 11 次尝试之后才交到 Worker 手里，Worker 随即退避。
  check:
    all:
      - absentBetween:
          absent: { message: worker.add-rate-limited }
          after: { message: fault.api-errors }
          before: { message: fault.api-errors, params: { durationMs: 15000 } }
      - sequence:
          - { message: fault.api-errors, params: { durationMs: 3000 } }
          - { message: rest.retry-after, key: default/alpha }
          - { message: rest.retry, key: default/alpha }
          - { message: client.response-ok, params: { stage: update-status } }
          - { message: fault.api-errors, params: { durationMs: 15000 } }
          - { message: rest.retries-exhausted, params: { attempts: 11 } }
          - { message: worker.add-rate-limited, key: default/alpha, params: { code: 429 } }
          - { message: client.response-ok, params: { stage: update-status } }
`;
