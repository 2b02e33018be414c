/** Lesson 17: HA: a replica whose watch caches lag etcd: a stale list at "0", then 504s and a relist at "" (S38, S39, S6, S7, S37, K4, R6, R4, R12, S5). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: lagging-replica
  number: 17
  title:
    en: 'A lagging replica: a stale list at "0", then 504s and a relist at ""'
    zh: 落后的 APIServer 实例：rv "0" 的陈旧列举，然后是 504 和 rv "" 的重新列举
  summary:
    en: >-
      Each kube-apiserver replica's watch caches follow etcd at their own pace. On a replica that lags, a
      LIST at "0" returns older state than etcd already has, and a LIST at a resourceVersion that came from
      a replica that is ahead cannot be served: the cache waits 3 s and answers 504 with Retry-After: 1,
      the REST client retries ten times, and only then does the Reflector give up on its resourceVersion
      and read etcd with "".
    zh: >-
      每个 kube-apiserver 实例的 watch 缓存都以自己的步调跟随 etcd。在一个落后的实例上，rv "0" 的 LIST
      返回的是比 etcd 已有状态更旧的状态；而资源版本来自一个领先实例的 LIST 则无法回答：缓存等待 3 秒后以
      504 和 Retry-After: 1 应答，REST 客户端重试十次，之后 Reflector 才放弃它的资源版本，用 "" 读取 etcd。
rules: [S38, S39, S6, S7, S37, K4, R6, R4, R12, S5]
steps: 93
seed: 46
settings:
  era: classic
  apiServerReplicas: 2
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
  - kind: Deployment
    metadata: { name: logs }
    spec: { replicas: 1 }
script:
  - { at: 0ms, action: lagReplica, replica: B, lag: 90s, duration: 5m }
  - { at: 0ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "1" } }
  - { at: 500ms, action: restartApiServer, replica: B, downtime: 300ms, cacheInit: 100ms }
  - { at: 1s, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "2" } }
  - { at: 1800ms, action: restartApiServer, replica: A, downtime: 1s }
narration:
  - when: { message: fault.lag-replica }
    text:
      en: >-
        Two kube-apiserver replicas share one etcd. Replica B's etcd watches fall {lagMs} ms behind (an
        overloaded replica, a slow link to etcd): every change reaches B's watch caches that late, in order.
        Replica A's are on time.
      zh: >-
        两个 kube-apiserver 实例共用一个 etcd。实例 B 的 etcd watch 落后了 {lagMs} 毫秒（实例过载，
        或者到 etcd 的链路很慢）：每个变化都要这么久才按顺序到达 B 的 watch 缓存。实例 A 的缓存是及时的。
  - when: { message: user.write }
    text:
      en: >-
        A user labels Deployment logs; kubectl gets resourceVersion {rv} back from etcd. A's cache has it at
        once; B's will in 90 s.
      zh: >-
        用户给 Deployment logs 打上标签；kubectl 从 etcd 拿回资源版本 {rv}。A 的缓存立即就有了它；
        B 的缓存要 90 秒后才有。
  - when: { message: apiserver.connect }
    text:
      en: >-
        The controller's two clientsets share one HTTP/2 connection, and the load balancer put it on replica
        {replica}: every request of the controller goes there until the connection breaks (S38).
      zh: >-
        控制器的两个 clientset 共用一个 HTTP/2 连接，负载均衡器把它放在了实例 {replica} 上：在连接断开之前，
        控制器的每个请求都到那里（S38）。
  - when: { message: apiserver.list, lane: Deployment }
    text:
      en: >-
        The Deployment informer's first LIST asks for "0": whatever the cache has. B's cache answers at
        revision {listRv}: logs comes back without the label the user just set, older than what kubectl
        already saw (S6, S39). The cache-vs-server view shows logs behind the server.
      zh: >-
        Deployment Informer 的第一次 LIST 请求 "0"：缓存里有什么就要什么。B 的缓存在修订版本 {listRv}
        上回答：logs 回来时没有用户刚打上的标签，比 kubectl 已经看到的更旧（S6、S39）。"缓存与服务器"视图
        显示 logs 落后于服务器。
  - when: { message: fault.restart-replica, params: { replica: B } }
    text:
      en: >-
        A rolling upgrade begins: replica B restarts. The controller's connection breaks and its watches end
        ({watchIds}).
      zh: >-
        滚动升级开始了：实例 B 重启。控制器的连接断开，它的 watch 结束（{watchIds}）。
  - when: { message: reflector.very-short-watch, lane: Deployment }
    text:
      en: >-
        The Deployment watch lasted {lastedMs} ms and brought no event: client-go treats such a very short
        watch as an error (R12), backs off and will relist rather than watch again.
      zh: >-
        Deployment 的 watch 只持续了 {lastedMs} 毫秒，没有带来任何事件：client-go 把这样的过短 watch
        当作错误（R12），退避之后会重新列举，而不是再次 watch。
  - when: { message: apiserver.replica-started, params: { replica: B } }
    text:
      en: >-
        B is back: its caches list etcd again at revision {listRv}, so they are current for a moment. Its
        etcd watches still lag: whatever changes from now on reaches B 90 s late.
      zh: >-
        B 回来了：它的缓存在修订版本 {listRv} 上重新列举 etcd，所以它们暂时是最新的。但它的 etcd watch
        仍然落后：从现在起的任何变化都要 90 秒后才到达 B。
  - when: { message: apiserver.list, lane: Deployment, params: { replica: A } }
    text:
      en: >-
        The relist asks for the last resourceVersion, "{rv}" (R4), on a new connection, which the load
        balancer put on A. A's cache is ahead of that: it answers at once at revision {listRv}, with the
        user's second label. A relist never goes back in time; this one went forward.
      zh: >-
        重新列举请求最后的资源版本 "{rv}"（R4），走的是一个新连接，负载均衡器把它放在了 A 上。A 的缓存比它新：
        立即在修订版本 {listRv} 上回答，带着用户的第二个标签。重新列举从不回到过去；这一次还前进了。
  - when: { message: fault.restart-replica, params: { replica: A } }
    text:
      en: >-
        The upgrade moves on to replica A, less than a second after the Deployment informer watched there.
        Its watch ends again, again with no event.
      zh: >-
        升级接着轮到实例 A，距 Deployment Informer 在那里开始 watch 还不到一秒。它的 watch 又结束了，
        同样没有任何事件。
  - when: { message: reflector.list, lane: Deployment, params: { relist: true } }
    after: { message: fault.restart-replica, params: { replica: A } }
    text:
      en: >-
        The Deployment Reflector relists at "{rv}", the revision A gave it. The connection is on B now, and
        B's cache has not received that revision.
      zh: >-
        Deployment 的 Reflector 在 "{rv}" 上重新列举，这是 A 给它的修订版本。现在连接在 B 上，而 B 的缓存
        还没有收到这个修订版本。
  - when: { message: apiserver.list, lane: Deployment, params: { code: 504 } }
    text:
      en: >-
        B's cache waited 3 s to reach "{rv}", then answered 504: Timeout: Too large resource version, with
        Retry-After: 1 (S7, S37).
      zh: >-
        B 的缓存等了 3 秒，想追上 "{rv}"，然后以 504 应答：Timeout: Too large resource version，带
        Retry-After: 1（S7、S37）。
  - when: { message: rest.retry-after, lane: Deployment }
    text:
      en: >-
        A 504 with Retry-After is retried like a 429: the REST client sleeps {retryAfter} s and sends the
        LIST again, up to ten times (K4). Each attempt waits another 3 s on B.
      zh: >-
        带 Retry-After 的 504 和 429 一样会被重试：REST 客户端睡眠 {retryAfter} 秒，再次发出 LIST，
        最多重试十次（K4）。每次尝试都要在 B 上再等 3 秒。
  - when: { message: rest.retries-exhausted, lane: Deployment }
    text:
      en: >-
        After {attempts} attempts, about 44 s, B is still behind, and the Reflector finally gets the 504.
      zh: >-
        {attempts} 次尝试、大约 44 秒之后，B 仍然落后，Reflector 终于拿到了这个 504。
  - when: { message: apiserver.list, lane: Deployment, params: { rv: "" } }
    text:
      en: >-
        A LIST at "" is a consistent read. A 1.26 apiserver reads it from etcd (S5), so even lagging B
        answers at once, at etcd's revision {listRv}.
      zh: >-
        rv "" 的 LIST 是一致性读取。1.26 的 APIServer 从 etcd 读取它（S5），所以即使是落后的 B 也会立即
        在 etcd 的修订版本 {listRv} 上回答。
  - when: { message: reflector.replace, lane: Deployment, params: { relist: true } }
    after: { message: reflector.list-rv-unavailable }
    text:
      en: >-
        Replace at "{rv}". The next watch goes to B from there; B has not reached it yet, so the watch is
        accepted and stays silent until B catches up, then delivers every later event exactly once (S39b).
      zh: >-
        在 "{rv}" 上 Replace。下一个 watch 从这里发往 B；B 还没有到达这个修订版本，所以 watch 被接受，
        一直沉默到 B 追上来，然后把之后的每个事件恰好送达一次（S39b）。
pauses:
  - id: stale-zero
    before: { message: apiserver.list, lane: Deployment }
    question:
      en: >-
        The controller is connected to replica B, whose caches are 90 s behind etcd. The Deployment
        informer's first LIST asks for resourceVersion "0". What comes back?
      zh: >-
        控制器连在实例 B 上，而 B 的缓存落后 etcd 90 秒。Deployment Informer 的第一次 LIST 请求资源版本
        "0"。返回的是什么？
    choices:
      - id: stale
        text:
          en: B's cache as it is, without the user's change
          zh: B 缓存里现有的内容，不含用户的修改
        check:
          count:
            match: { message: apiserver.list, lane: Deployment, params: { rv: "0", code: 200, servedBy: cache, listRv: "3" } }
            min: 1
      - id: fresh
        text:
          en: The current state, read from etcd
          zh: 当前状态，从 etcd 读取
        check: { count: { match: { message: apiserver.list, lane: Deployment, params: { servedBy: etcd } }, min: 1 } }
      - id: error
        text:
          en: 504 after 3 s, because B is behind
          zh: 3 秒后返回 504，因为 B 落后了
        check: { count: { match: { message: apiserver.list, lane: Deployment, params: { code: 504 } }, min: 1 } }
    answer: stale
    explanation:
      en: >-
        "0" means "any": the cache answers with what it has, however old (S6). Only an RV N that the cache
        has not reached makes it wait, and "" goes to etcd.
      zh: >-
        "0" 的意思是"任意"：缓存用它现有的内容回答，无论多旧（S6）。只有缓存尚未到达的 RV N 才会让它等待，
        而 "" 会去读 etcd。
    reveal: { message: apiserver.list }
    within: 3
  - id: too-large
    before: { message: apiserver.list, lane: Deployment, params: { code: 504 } }
    question:
      en: >-
        The Deployment Reflector relists at a resourceVersion it got from A, and the request reaches B,
        whose cache has not received it. What does B do?
      zh: >-
        Deployment 的 Reflector 在它从 A 得到的资源版本上重新列举，请求到达了 B，而 B 的缓存还没有收到它。
        B 会怎样？
    choices:
      - id: serve
        text:
          en: Answers at once with what it has
          zh: 立即用它现有的内容回答
        check: { count: { match: { message: apiserver.list, lane: Deployment, params: { code: 200 } }, min: 1 } }
      - id: timeout
        text:
          en: Waits 3 s, then answers 504 with Retry-After, and the REST client tries again
          zh: 等待 3 秒后以 504 和 Retry-After 应答，REST 客户端再试一次
        check:
          all:
            - { count: { match: { message: apiserver.list, lane: Deployment, params: { code: 504 } }, min: 1 } }
            - { count: { match: { message: rest.retry-after, lane: Deployment }, min: 1 } }
      - id: gone
        text:
          en: 410 Gone
          zh: 410 Gone
        check: { count: { match: { message: apiserver.list, lane: Deployment, params: { code: 410 } }, min: 1 } }
    answer: timeout
    explanation:
      en: >-
        An RV N list without a limit is "not older than N", served by the cache, which waits up to 3 s to
        reach N and then answers 504 with Retry-After: 1 (S7, S37). The REST client retries it (K4).
      zh: >-
        不带 limit 的 RV N 列举意为"不旧于 N"，由缓存回答；缓存最多等待 3 秒去追上 N，然后以 504 和
        Retry-After: 1 应答（S7、S37）。REST 客户端会重试它（K4）。
    reveal: { lane: Deployment, messagePrefix: rest.retry }
    within: 4
  - id: give-up
    before: { message: reflector.list-rv-unavailable, lane: Deployment }
    question:
      en: >-
        All eleven attempts got 504: B is still behind. What does the Deployment Reflector do with the
        error?
      zh: >-
        十一次尝试都得到了 504：B 仍然落后。Deployment 的 Reflector 怎样处理这个错误？
    choices:
      - id: consistent
        text:
          en: 'Relists at once with "", read from etcd'
          zh: 立即用 "" 重新列举，从 etcd 读取
        check:
          sequence:
            - { message: reflector.list-rv-unavailable, lane: Deployment }
            - { message: apiserver.list, lane: Deployment, params: { rv: "", servedBy: etcd } }
      - id: backoff
        text:
          en: Backs off and relists at the same resourceVersion
          zh: 退避，然后在同一个资源版本上重新列举
        check: { count: { match: { message: reflector.backoff, lane: Deployment }, min: 1 } }
      - id: zero
        text:
          en: 'Relists at "0", whatever B has'
          zh: 在 "0" 上重新列举，B 有什么就要什么
        check: { count: { match: { message: reflector.list, lane: Deployment, params: { rv: "0" } }, min: 1 } }
    answer: consistent
    explanation:
      en: >-
        "Too large resource version" on a LIST makes the Reflector mark its resourceVersion unavailable and
        relist at once with "" (R6), a consistent read that a 1.26 server takes from etcd (S5). Without
        Retry-After it would have done so 44 s earlier.
      zh: >-
        LIST 收到 "Too large resource version" 会让 Reflector 把它的资源版本标记为不可用，并立即用 ""
        重新列举（R6）；这是一次一致性读取，1.26 的服务器从 etcd 读取它（S5）。如果没有 Retry-After，
        它会早 44 秒这样做。
    reveal: { lane: Deployment, component: reflector }
    within: 3
goal:
  description:
    en: >-
      The Deployment informer's first list at "0" comes from lagging B; after B's restart it relists on A;
      after A's restart its relist at A's resourceVersion gets 504 from B eleven times, then it relists at
      "" from etcd.
    zh: >-
      Deployment Informer 在 "0" 上的第一次列举来自落后的 B；B 重启之后它在 A 上重新列举；A 重启之后，
      它在 A 给的资源版本上的重新列举从 B 收到十一次 504，然后它用 "" 从 etcd 重新列举。
  check:
    all:
      - sequence:
          - { message: fault.lag-replica, params: { replica: B } }
          - { message: apiserver.list, lane: Deployment, params: { rv: "0", replica: B, servedBy: cache } }
          - { message: reflector.very-short-watch, lane: Deployment }
          - { message: apiserver.list, lane: Deployment, params: { code: 200, replica: A } }
          - { message: fault.restart-replica, params: { replica: A } }
          - { message: apiserver.list, lane: Deployment, params: { code: 504, replica: B } }
          - { message: reflector.list-rv-unavailable, lane: Deployment, params: { code: 504 } }
          - { message: apiserver.list, lane: Deployment, params: { rv: "", servedBy: etcd, replica: B } }
          - { message: reflector.replace, lane: Deployment, params: { relist: true } }
      - count:
          match: { message: apiserver.list, lane: Deployment, params: { code: 504, replica: B } }
          min: 11
          max: 11
`;
