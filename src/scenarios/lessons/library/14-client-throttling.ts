/** Lesson 14: client-side throttling: each REST client's token bucket, 5 QPS, burst 10 (K1, K2, K3, K7). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: client-throttling
  number: 14
  title:
    en: 'Client-side throttling: 5 QPS, burst 10 per REST client'
    zh: 客户端限流：每个 REST 客户端 5 QPS、burst 10
  summary:
    en: >-
      Every request a controller sends first takes a token from its REST client's bucket. With QPS and
      Burst unset, as in sample-controller, each group-version has its own bucket: 10 tokens, refilled at
      5 per second. Twenty Deployment creates at once: ten leave at once, the others one every 200 ms,
      while the Foo status writes draw on a bucket of their own.
    zh: >-
      控制器发出的每个请求都要先从它的 REST 客户端的令牌桶里拿一个令牌。像 sample-controller 那样不设置
      QPS 和 Burst 时，每个 group-version 都有自己的令牌桶：10 个令牌，每秒补充 5 个。一下子要创建 20 个
      Deployment：十个立即发出，其余每 200 毫秒发出一个；而 Foo 的 status 更新从另一个令牌桶里取令牌。
rules: [K1, K2, K3, K7]
steps: 392
seed: 14
settings:
  era: classic
  resyncPeriod: 0
  workers: 4
  deploymentRollout: { min: 60s, max: 90s }
script:
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-01 }, spec: { deploymentName: web-01, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-02 }, spec: { deploymentName: web-02, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-03 }, spec: { deploymentName: web-03, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-04 }, spec: { deploymentName: web-04, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-05 }, spec: { deploymentName: web-05, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-06 }, spec: { deploymentName: web-06, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-07 }, spec: { deploymentName: web-07, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-08 }, spec: { deploymentName: web-08, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-09 }, spec: { deploymentName: web-09, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-10 }, spec: { deploymentName: web-10, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-11 }, spec: { deploymentName: web-11, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-12 }, spec: { deploymentName: web-12, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-13 }, spec: { deploymentName: web-13, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-14 }, spec: { deploymentName: web-14, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-15 }, spec: { deploymentName: web-15, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-16 }, spec: { deploymentName: web-16, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-17 }, spec: { deploymentName: web-17, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-18 }, spec: { deploymentName: web-18, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-19 }, spec: { deploymentName: web-19, replicas: 1 } } }
  - { at: 2s, action: create, object: { kind: Foo, metadata: { name: web-20 }, spec: { deploymentName: web-20, replicas: 1 } } }
narration:
  - when: { message: user.write, key: default/web-01 }
    text:
      en: >-
        At 2 s someone applies 20 Foos at once. Each needs a Deployment, so the controller's four workers
        are about to send 20 POSTs through one REST client, AppsV1. (The pods will take a minute to become
        ready, so nothing else happens meanwhile.)
      zh: >-
        2 秒时，有人一次性创建了 20 个 Foo。每个 Foo 都需要一个 Deployment，所以控制器的四个 Worker
        要通过同一个 REST 客户端 AppsV1 发出 20 个 POST。（Pod 要一分钟后才就绪，所以这期间不会发生别的事。）
  - when: { message: apiserver.write, key: default/web-01, params: { verb: create } }
    text:
      en: >-
        Before it left, this create took a token from AppsV1's bucket (K1). The bucket started full with 10
        tokens (K2); the Deployment informer's first LIST took one at 0 s, long refilled since at 5 per
        second. The Foo informer's LIST took a token from another bucket, SamplecontrollerV1alpha1's.
      zh: >-
        这个创建请求发出之前，先从 AppsV1 的令牌桶里拿了一个令牌（K1）。令牌桶一开始是满的，有 10 个令牌（K2）；
        Deployment Informer 在 0 秒时的第一次 LIST 拿走过一个，之后早已按每秒 5 个补满。Foo Informer 的 LIST
        拿的是另一个令牌桶的令牌，也就是 SamplecontrollerV1alpha1 的。
  - when: { message: rest.throttled, params: { client: AppsV1 } }
    text:
      en: >-
        "Waited for {waited} due to client-side throttling, not priority and fairness": client-go's own log
        line (K3, logged for waits over 50 ms). Ten creates emptied AppsV1's bucket; every further create
        reserves the next token, and tokens come back at 5 per second, so the creates now leave one every
        200 ms. The worker is blocked inside Create meanwhile.
      zh: >-
        "Waited for {waited} due to client-side throttling, not priority and fairness"：这是 client-go 自己的日志
        （K3，等待超过 50 毫秒才会记录）。十个创建请求用光了 AppsV1 的令牌；之后的每个创建请求预约下一个令牌，
        而令牌每秒只补充 5 个，所以创建请求现在每 200 毫秒才发出一个。这期间 Worker 一直阻塞在 Create 调用里。
  - when: { message: apiserver.write, params: { verb: updateStatus } }
    after: { message: rest.throttled, params: { client: AppsV1 } }
    text:
      en: >-
        Meanwhile a Foo status update reaches the server without waiting: UpdateStatus is a call of the
        other clientset's REST client, SamplecontrollerV1alpha1, with a bucket of its own (K7). Throttling
        is per REST client, one per group-version, not per controller.
      zh: >-
        与此同时，一个 Foo 的 status 更新没有等待就到达了服务器：UpdateStatus 走的是另一个 clientset 的
        REST 客户端 SamplecontrollerV1alpha1，它有自己的令牌桶（K7）。限流是按 REST 客户端（每个
        group-version 一个）计算的，而不是按控制器。
  - when: { message: rest.throttled, params: { client: SamplecontrollerV1alpha1 } }
    text:
      en: >-
        Now the status writes wait too, {waited} here. Each Foo gets its status written twice in these
        seconds: after its create, and again when the Deployment's ADDED event brings the Foo back to the
        queue. Forty writes in a few seconds are more than 10 tokens and 5 per second can carry.
      zh: >-
        现在 status 更新也要等待了，这里等了 {waited}。在这几秒里，每个 Foo 的 status 都会写两次：
        一次在创建 Deployment 之后，另一次是 Deployment 的 ADDED 事件把这个 Foo 又送回队列之后。几秒钟内
        四十次写入，超过了 10 个令牌加每秒 5 个所能承载的数量。
  - when: { message: worker.forget, key: default/web-20 }
    after: { message: rest.throttled, key: default/web-12, params: { client: SamplecontrollerV1alpha1 } }
    text:
      en: >-
        All 20 Foos are done after about six seconds, paced by the buckets, not by the API server, which
        was never busy. A controller that manages many objects raises rest.Config's QPS and Burst (the
        scenario settings qps and burst); with QPS set, the clientset's group-versions share one bucket.
      zh: >-
        大约六秒后，20 个 Foo 全部处理完毕。节奏是由令牌桶决定的，而不是 APIServer：服务器一直很空闲。
        管理大量对象的控制器会调大 rest.Config 的 QPS 和 Burst（场景设置 qps 和 burst）；设置了 QPS 之后，
        同一个 clientset 的各个 group-version 共用一个令牌桶。
pauses:
  - id: eleventh-create
    before: { message: rest.throttled, params: { client: AppsV1 } }
    question:
      en: >-
        Ten Deployment creates went out at once; AppsV1's bucket held ten tokens. Another create is ready
        to go. What happens to it?
      zh: 十个 Deployment 创建请求已经立即发出；AppsV1 的令牌桶里原本有十个令牌。又一个创建请求准备好了。它会怎样？
    choices:
      - id: at-once
        text:
          en: It goes out at once, like the first ten
          zh: 像前十个一样立即发出
        check: { count: { match: { message: rest.throttled }, max: 0 } }
      - id: waits
        text:
          en: It waits in the REST client until a token comes back (one every 200 ms)
          zh: 它在 REST 客户端里等待，直到有令牌补充回来（每 200 毫秒一个）
        check: { count: { match: { message: rest.throttled, params: { client: AppsV1, verb: POST } }, min: 1 } }
      - id: too-many
        text:
          en: The API server answers 429 Too Many Requests and the key is re-queued with AddRateLimited
          zh: APIServer 返回 429 Too Many Requests，这个键被 AddRateLimited 重新入队
        check: { count: { match: { message: worker.add-rate-limited }, min: 1 } }
    answer: waits
    explanation:
      en: >-
        The limit is on the client side: Create blocks in the REST client's rate limiter until its token is
        due, then goes out (K1, K2). The API server never sees the wait, and nothing fails, so the workqueue
        does not back off either.
      zh: >-
        限流发生在客户端：Create 在 REST 客户端的限速器里阻塞，直到轮到它的令牌，然后才发出（K1、K2）。APIServer
        根本看不到这次等待；也没有任何失败，所以工作队列也不会退避。
    reveal: { message: rest.throttled }
    within: 3
  - id: status-write
    before: { message: apiserver.write, params: { verb: updateStatus } }
    after: { message: rest.throttled, params: { client: AppsV1 } }
    question:
      en: >-
        Creates now queue for AppsV1 tokens. A worker whose create just came back writes its Foo's status.
        Does that write wait behind the queued creates?
      zh: 创建请求正在排队等待 AppsV1 的令牌。一个 Worker 的创建请求刚刚返回，它接着写 Foo 的 status。这次写入要排在那些创建请求后面等待吗？
    choices:
      - id: own-bucket
        text:
          en: No, Foo status writes go through another REST client with its own bucket
          zh: 不用，Foo 的 status 更新走另一个 REST 客户端，有自己的令牌桶
        check:
          all:
            - { count: { match: { message: apiserver.write, params: { verb: updateStatus } }, min: 1 } }
            - { count: { match: { message: rest.throttled, params: { client: SamplecontrollerV1alpha1 } }, max: 0 } }
      - id: same-queue
        text:
          en: Yes, one controller has one rate limiter for all its requests
          zh: 要，一个控制器的所有请求共用一个限速器
        check: { count: { match: { message: rest.throttled, params: { client: SamplecontrollerV1alpha1 } }, min: 1 } }
    answer: own-bucket
    explanation:
      en: >-
        A typed clientset has one REST client per group-version, each with its own 5 QPS, burst 10 bucket
        when QPS is unset (K2, K7). Deployments are AppsV1, Foos are SamplecontrollerV1alpha1. Only a QPS
        set in the config makes a clientset's group-versions share one bucket.
      zh: >-
        类型化的 clientset 为每个 group-version 建一个 REST 客户端；不设置 QPS 时，每个都有自己的 5 QPS、
        burst 10 的令牌桶（K2、K7）。Deployment 属于 AppsV1，Foo 属于 SamplecontrollerV1alpha1。只有在配置里
        设置了 QPS，一个 clientset 的各个 group-version 才会共用一个令牌桶。
    reveal: { message: apiserver.write, params: { verb: updateStatus } }
    within: 2
goal:
  description:
    en: >-
      Ten creates go out at once, then creates wait for AppsV1 tokens, told as "Waited for … due to
      client-side throttling"; while they wait, a Foo status write goes out without waiting.
    zh: >-
      十个创建请求立即发出，之后的创建请求等待 AppsV1 的令牌，日志为 "Waited for … due to client-side
      throttling"；在它们等待期间，一个 Foo 的 status 更新无需等待就发出了。
  check:
    all:
      - between:
          before: { message: rest.throttled }
          check: { count: { match: { message: apiserver.write, params: { verb: create } }, min: 10, max: 10 } }
      - { count: { match: { message: rest.throttled, params: { client: AppsV1, verb: POST } }, min: 5 } }
      - between:
          after: { message: rest.throttled, params: { client: AppsV1 } }
          before: { message: rest.throttled, params: { client: AppsV1 } }
          check:
            all:
              - { count: { match: { message: apiserver.write, params: { verb: updateStatus } }, min: 1 } }
              - { count: { match: { message: rest.throttled, params: { client: SamplecontrollerV1alpha1 } }, max: 0 } }
      - { count: { match: { message: worker.forget }, min: 20 } }
`;
