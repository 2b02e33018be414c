/** Lesson 4: bookmarks keep a filtered informer inside its resource's watch-cache ring (S23, S21, S32, R10, R11, S18). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: bookmarks
  number: 4
  title:
    en: Bookmarks keep a filtered informer inside its resource’s ring
    zh: Bookmark 让带过滤的 Informer 留在资源的环之内
  summary:
    en: >-
      An informer with a label selector receives only the Foos it selects. When other Foos change a lot,
      its resourceVersion stays behind while the Foo ring of the API server's watch cache moves on.
      BOOKMARK events carry the Foo cache's resourceVersion, so its next watch still starts inside the
      ring.
    zh: >-
      带标签选择器（label selector）的 Informer 只收到它选中的 Foo。其他 Foo 频繁变化时，它的资源版本
      停在原地，而 APIServer 的 watch 缓存中 Foo 的环不断前移。BOOKMARK 事件带着 Foo 缓存的资源版本，
      所以它下一次 watch 仍从环之内开始。
rules: [S23, S21, S32, R10, R11, S18]
steps: 135
seed: 4
settings:
  era: classic
  resyncPeriod: 0
  historyWindow: 10
  bookmarkInterval: 1s
  watchTimeout: 6s
  labelSelector: { Foo: tier=gold }
objects:
  - kind: Foo
    metadata: { name: alpha, labels: { tier: gold } }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Foo
    metadata: { name: batch, labels: { tier: bronze } }
    spec: { deploymentName: batch, replicas: 1 }
  - kind: Deployment
    metadata:
      name: alpha
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: alpha, controller: true }]
    spec: { replicas: 1 }
script:
  - { at: 1000ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "1" } }
  - { at: 1250ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "2" } }
  - { at: 1500ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "3" } }
  - { at: 1750ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "4" } }
  - { at: 2000ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "5" } }
  - { at: 2250ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "6" } }
  - { at: 2500ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "7" } }
  - { at: 2750ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "8" } }
  - { at: 3000ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "9" } }
  - { at: 3250ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "10" } }
  - { at: 3500ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "11" } }
  - { at: 3750ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "12" } }
  - { at: 4000ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "13" } }
  - { at: 4250ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "14" } }
  - { at: 4500ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "15" } }
  - { at: 4750ms, action: patch, target: { kind: Foo, name: batch }, labels: { tier: bronze, rev: "16" } }
narration:
  - when: { message: reflector.watch, lane: Foo }
    text:
      en: >-
        The Foo informer lists and watches with labelSelector "tier=gold", as an operator that cares about
        some Foos builds it with a tweak of its list options. It watches from "{rv}". Each watch-cache
        ring holds 10 events here (a compression of time: a real one holds at least 100, S19), the server
        sends a BOOKMARK every second and watches end after {timeoutSeconds} s (all shortened).
      zh: >-
        Foo 的 Informer 带着标签选择器 "tier=gold" 列举和 watch，就像只关心部分 Foo 的 operator 通过修改
        列举选项构建的那样。它从 "{rv}" 开始 watch。这里每个 watch 缓存的环只保存 10 个事件（对时间的压缩：
        真实的环至少保存 100 个，S19），服务器每秒发送一个 BOOKMARK，watch 在 {timeoutSeconds} 秒后结束
        （都缩短了）。
  - when: { message: user.write, key: default/batch }
    text:
      en: >-
        A busy neighbour: Foo batch (tier=bronze) changes four times a second. Every change is a Foo event in
        the Foo ring, but the filtered watch receives none of them (S21), so the informer's
        resourceVersion does not move.
      zh: >-
        一个忙碌的邻居：Foo batch（tier=bronze）每秒变化四次。每次变化都是 Foo 环里的一个 Foo 事件，
        但带过滤的 watch 一个也收不到（S21），所以 Informer 的资源版本不动。
  - when: { message: apiserver.bookmark, lane: Foo }
    text:
      en: >-
        A BOOKMARK for the Foo watch: an empty Foo that carries only resourceVersion {rv}, the Foo watch
        cache's own revision, which moves with every Foo event and with etcd's progress notifications (S23,
        S32). It means "you have seen every Foo you select up to revision {rv}".
      zh: >-
        发给 Foo watch 的 BOOKMARK：一个只带 resourceVersion {rv} 的空 Foo，这是 Foo watch 缓存自己的修订号，
        随每个 Foo 事件和 etcd 的进度通知前进（S23、S32）。它的意思是"截至修订号 {rv}，你选中的 Foo 的变化
        你都已经看到了"。
  - when: { message: reflector.bookmark, lane: Foo }
    text:
      en: >-
        The Reflector puts nothing into the DeltaFIFO for a bookmark; it only moves lastSyncResourceVersion
        to "{rv}" (R10). The filtered informer keeps up with the Foo ring.
      zh: >-
        对于 BOOKMARK，Reflector 不往 DeltaFIFO 里放任何东西；它只把 lastSyncResourceVersion 推进到
        "{rv}"（R10）。带过滤的 Informer 因此跟上了 Foo 的环。
  - when: { message: apiserver.watch-timeout, lane: Foo }
    text:
      en: >-
        The Foo watch reaches its timeout and the server ends it cleanly.
      zh: >-
        Foo 的 watch 到了超时时间，服务器正常结束了它。
  - when: { message: reflector.watch-closed, lane: Foo }
    text:
      en: >-
        The Reflector re-watches from "{rv}": the last bookmark's resourceVersion, not the one of its LIST,
        which the Foo ring left behind long ago.
      zh: >-
        Reflector 从 "{rv}" 重新 watch：这是最后一个 BOOKMARK 的资源版本，而不是 LIST 时的资源版本，
        后者早已被 Foo 的环甩在身后。
  - when: { message: apiserver.watch, lane: Foo }
    after: { message: reflector.watch-closed, lane: Foo }
    text:
      en: >-
        "{rv}" is still inside the Foo ring: the watch opens, no 410, no relist. Without bookmarks the
        Reflector would have come back with its list's resourceVersion, more than 10 Foo events ago, and
        got 410 Gone. An unfiltered informer would not need them: every Foo event moves its resourceVersion.
      zh: >-
        "{rv}" 仍在 Foo 的环之内：watch 顺利打开，没有 410，也不用重新列举。没有 BOOKMARK 的话，
        Reflector 会带着列表的资源版本回来，那已是 10 个以上 Foo 事件之前，于是收到 410 Gone。
        不带过滤的 Informer 不需要它们：每个 Foo 事件都会推进它的资源版本。
pauses:
  - id: bookmark-delta
    before: { message: reflector.bookmark, lane: Foo }
    question:
      en: A BOOKMARK arrives on the Foo watch. What does the Reflector put into the DeltaFIFO?
      zh: Foo 的 watch 上到达了一个 BOOKMARK。Reflector 往 DeltaFIFO 里放了什么？
    choices:
      - id: nothing
        text:
          en: Nothing; it only moves lastSyncResourceVersion forward
          zh: 什么也不放；它只推进 lastSyncResourceVersion
        check:
          all:
            - { count: { match: { message: reflector.bookmark, lane: Foo }, min: 1 } }
            - { count: { match: { message: deltafifo.add, lane: Foo }, max: 0 } }
      - id: sync
        text:
          en: A Sync delta for every cached Foo
          zh: 为每个缓存中的 Foo 放一个 Sync 增量
        check: { count: { match: { message: informer.pop, lane: Foo }, min: 1 } }
      - id: added
        text:
          en: An Added delta for the empty Foo it carries
          zh: 为它携带的空 Foo 放一个 Added 增量
        check: { count: { match: { message: deltafifo.add, lane: Foo }, min: 1 } }
    answer: nothing
    explanation:
      en: >-
        In the classic DeltaFIFO era a bookmark never reaches the store: the Reflector just records its
        resourceVersion as lastSyncResourceVersion (R10). Handlers see nothing.
      zh: >-
        在经典的 DeltaFIFO 时代，BOOKMARK 不会进入存储：Reflector 只把它的资源版本记为
        lastSyncResourceVersion（R10）。事件处理函数什么也看不到。
    reveal: { message: reflector.bookmark, lane: Foo }
    within: 3
  - id: quiet-rewatch
    before: { message: reflector.watch-closed, lane: Foo }
    question:
      en: >-
        The Foo watch timed out. No Foo it selects changed since the LIST, while 16 changes of Foo batch
        went through the 10-event Foo ring. What happens when the Reflector watches again?
      zh: >-
        Foo 的 watch 超时了。自 LIST 以来它选中的 Foo 没有变化，而 Foo batch 的 16 次变化已经流过了
        只有 10 个事件的 Foo 环。Reflector 再次 watch 时会发生什么？
    choices:
      - id: gone
        text:
          en: 410 Gone and a relist, because its resourceVersion is old
          zh: 410 Gone，然后重新列举，因为它的资源版本太旧
        check: { count: { match: { message: reflector.watch-error, lane: Foo }, min: 1 } }
      - id: open
        text:
          en: The watch opens normally; the bookmarks kept its resourceVersion recent
          zh: watch 正常打开；BOOKMARK 让它的资源版本保持较新
        check:
          all:
            - { count: { match: { message: apiserver.watch, lane: Foo, params: { outcome: open, replayed: 0 } }, min: 1 } }
            - { count: { match: { message: reflector.watch-error, lane: Foo }, max: 0 } }
      - id: replay
        text:
          en: The server replays batch's changes to the Foo watch
          zh: 服务器把 batch 的变化重放给 Foo 的 watch
        check: { count: { match: { message: reflector.event, lane: Foo }, min: 1 } }
    answer: open
    explanation:
      en: >-
        A bookmark carries the Foo cache's resourceVersion, which moved with batch's events although the
        filtered watch received none of them (S23). So the next watch starts inside the Foo ring. Without
        bookmarks it would start from the list's resourceVersion, older than the ring reaches: 410 Gone, a
        backoff and a relist.
      zh: >-
        BOOKMARK 携带 Foo 缓存的资源版本，它随 batch 的事件前进，尽管带过滤的 watch 一个也没收到（S23）。
        所以下一次 watch 从 Foo 的环之内开始。没有 BOOKMARK 的话，它会从列表的资源版本开始，比环能追溯到的
        更旧：410 Gone、退避和重新列举。
    reveal: { lane: Foo, component: apiserver }
    within: 8
goal:
  description:
    en: >-
      Bookmarks move the filtered Foo informer's resourceVersion forward with the Foo ring, and after its
      watch times out it watches again without 410 Gone and without a relist.
    zh: >-
      BOOKMARK 随着 Foo 的环推进了带过滤的 Foo Informer 的资源版本；它的 watch 超时后重新 watch，
      既没有 410 Gone，也没有重新列举。
  check:
    all:
      - { count: { match: { message: reflector.bookmark, lane: Foo }, min: 3 } }
      - sequence:
          - { message: apiserver.watch-timeout, lane: Foo }
          - { message: reflector.watch-closed, lane: Foo }
          - { message: apiserver.watch, lane: Foo, params: { outcome: open, replayed: 0 } }
      - { count: { match: { message: reflector.watch-error, lane: Foo }, max: 0 } }
      - { count: { match: { message: reflector.list, lane: Foo }, max: 1 } }
`;
