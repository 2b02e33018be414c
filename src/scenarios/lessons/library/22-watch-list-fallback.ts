/**
 * Lesson 22 (modern): the watch-list's fallback. A server whose WatchList gate is off refuses the
 * sendInitialEvents watch with 422 Invalid; the Reflector then falls back to LIST and a plain watch in the
 * same ListAndWatch (R21, S24, R4, R9).
 */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: watch-list-fallback
  number: 22
  title:
    en: "WatchList refused: the Reflector falls back to LIST, then WATCH"
    zh: WatchList 被拒绝：Reflector 退回到先 LIST、再 WATCH
  summary:
    en: >-
      A client-go 1.36 Reflector always tries the watch-list first, but a server may not serve it: here the
      API server's WatchList feature gate is off, so it refuses the sendInitialEvents watch with 422 Invalid.
      The Reflector does not retry: in the same ListAndWatch it LISTs, hands the items to one Replace and
      opens a plain watch from the list's resourceVersion.
    zh: >-
      client-go 1.36 的 Reflector 总是先尝试 watch-list，但 APIServer 不一定支持：这里 APIServer 的 WatchList
      特性门控是关闭的，它以 422 Invalid 拒绝带 sendInitialEvents 的 watch。Reflector 不会重试：在同一次
      ListAndWatch 中，它发出 LIST，把结果交给一次 Replace，再从列表的 resourceVersion 开始一个普通的 watch。
rules: [R21, S24, R4, R9]
steps: 36
seed: 21
settings:
  era: modern
  resyncPeriod: 0
  serverWatchList: false
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
  - { at: 2s, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: gold } }
narration:
  - when: { message: reflector.watch-list, lane: Foo }
    text:
      en: >-
        As in lesson 21, Reflector.watchList asks for the initial list as a stream: a watch from "{rv}" with
        sendInitialEvents=true. This API server has its WatchList feature gate off.
      zh: >-
        与第 21 课一样，Reflector.watchList 请求以流的方式取得初始列表：一个从 "{rv}" 开始、带
        sendInitialEvents=true 的 watch。这个 APIServer 的 WatchList 特性门控是关闭的。
  - when: { message: apiserver.watch, lane: Foo }
    text:
      en: >-
        The server refuses the request: {code} {reason}, because sendInitialEvents is forbidden unless the
        WatchList feature gate is enabled (S24). No stream is opened.
      zh: >-
        APIServer 拒绝了这个请求：{code} {reason}，因为除非开启 WatchList 特性门控，否则不允许 sendInitialEvents（S24）。
        没有打开任何流。
  - when: { message: reflector.watch-list-failed, lane: Foo }
    text:
      en: >-
        {code} {reason} is not a refused connection, a 429, or an expired or too large resourceVersion, so
        ListAndWatchWithContext logs "Data couldn't be fetched in watchlist mode. Falling back to regular
        list." and LISTs at once, in the same call, without a backoff (R21).
      zh: >-
        {code} {reason} 不是连接被拒、429，也不是过期或过大的 resourceVersion，所以 ListAndWatchWithContext 记录
        “Data couldn't be fetched in watchlist mode. Falling back to regular list.”，并在同一次调用中立即
        LIST，不退避（R21）。
  - when: { message: reflector.list, lane: Foo }
    text:
      en: >-
        The fallback is the classic list: LIST from "{rv}" with limit {limit}, as for a first start (R4).
      zh: 退回的是经典的列举：从 "{rv}" 开始 LIST，limit 为 {limit}，与首次启动一样（R4）。
  - when: { message: reflector.replace-all, lane: Foo }
    text:
      en: >-
        The list's {items} Foos go to RealFIFO.Replace at rv {rv}: still one ReplacedAll, whichever way the
        list came.
      zh: 列表中的 {items} 个 Foo 以 rv {rv} 交给 RealFIFO.Replace：无论列表怎么来的，仍然是一个 ReplacedAll。
  - when: { message: reflector.watch, lane: Foo }
    text:
      en: >-
        Then a plain watch from "{rv}", the list's resourceVersion (R9): a second request, where a served
        watch-list needs only one. The next relist will try the watch-list again.
      zh: >-
        然后是一个从 "{rv}"（列表的 resourceVersion）开始的普通 watch（R9）：这是第二个请求，而被接受的
        watch-list 只需要一个。下一次重新列举时还会先尝试 watch-list。
  - when: { message: reflector.event, lane: Foo }
    after: { message: user.write, key: default/alpha }
    text:
      en: >-
        alpha's {type} (rv {rv}) arrives on that watch: the informer works, one request later than it would
        with a WatchList server.
      zh: alpha 的 {type}（rv {rv}）从这个 watch 到达：Informer 照常工作，只是比支持 WatchList 的 APIServer 多了一个请求。
pauses:
  - id: after-refusal
    before: { message: reflector.watch-list-failed, lane: Foo }
    question:
      en: >-
        The API server answered the watch-list request with 422 Invalid. What does the Reflector do next?
      zh: APIServer 以 422 Invalid 回应了 watch-list 请求。Reflector 接下来做什么？
    choices:
      - id: retry
        text:
          en: It backs off and sends the watch-list request again
          zh: 先退避，然后再次发送 watch-list 请求
        check: { count: { match: { message: reflector.watch-list-backoff, lane: Foo }, min: 1 } }
      - id: list-then-watch
        text:
          en: It LISTs at once, then opens a plain WATCH
          zh: 立即 LIST，然后打开一个普通的 WATCH
        check:
          all:
            - sequence:
                - { message: reflector.list, lane: Foo }
                - { message: reflector.replace-all, lane: Foo }
                - { message: reflector.watch, lane: Foo }
            - count: { match: { message: reflector.backoff, lane: Foo }, max: 0 }
      - id: give-up
        text:
          en: It stops; the informer never syncs
          zh: 停止；Informer 永远不会同步
        check: { count: { match: { message: reflector.replace-all, lane: Foo }, max: 0 } }
    answer: list-then-watch
    explanation:
      en: >-
        An error that is not retriable in watch-list mode makes watchList return it; ListAndWatchWithContext
        then sets fallbackToList and runs r.list, then watchWithResync with no stream, which opens a watch
        (R21).
      zh: >-
        在 watch-list 模式下不可重试的错误会让 watchList 把它返回；ListAndWatchWithContext 于是设置
        fallbackToList，运行 r.list，再以空的流调用 watchWithResync，由它打开一个 watch（R21）。
    reveal: { lane: Foo, component: reflector }
    within: 6
goal:
  description:
    en: >-
      The refused watch-list is followed, in the same ListAndWatch, by LIST, one Replace and a plain watch
      that then delivers alpha's change.
    zh: 被拒绝的 watch-list 之后，在同一次 ListAndWatch 中依次是 LIST、一次 Replace 和一个普通 watch，之后它送来 alpha 的修改。
  check:
    all:
      - sequence:
          - { message: reflector.watch-list, lane: Foo }
          - { message: reflector.watch-list-failed, lane: Foo, params: { code: 422 } }
          - { message: reflector.list, lane: Foo }
          - { message: reflector.replace-all, lane: Foo }
          - { message: reflector.watch, lane: Foo }
          - { message: user.write, key: default/alpha }
          - { message: reflector.event, lane: Foo, key: default/alpha, params: { type: MODIFIED } }
      - absentBetween:
          absent: { message: reflector.backoff, lane: Foo }
          after: { message: reflector.watch-list-failed, lane: Foo }
          before: { message: reflector.list, lane: Foo }
`;
