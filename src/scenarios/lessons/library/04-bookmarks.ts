/** Lesson 4: bookmarks keep a quiet informer inside the history window (S23, R10, R11, T2). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: bookmarks
  number: 4
  title:
    en: Bookmarks keep a quiet informer inside the window
    zh: Bookmark 让安静的 Informer 留在历史窗口之内
  summary:
    en: >-
      An informer whose objects never change receives no events, so its resourceVersion would grow old
      while other kinds fill the server's history window. BOOKMARK events move it forward, so that its
      next watch still starts inside the window.
    zh: >-
      如果一个 Informer 的对象从不变化，它就收不到事件通知，当其他类型的写入填满服务器的历史窗口时，
      它的资源版本会越来越旧。BOOKMARK 事件把它向前推进，使下一次 watch 仍然从窗口之内开始。
rules: [S23, R10, R11, S18]
steps: 135
seed: 4
settings:
  resyncPeriod: 0
  historyWindow: 10
  bookmarkInterval: 1s
  watchTimeout: 6s
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
  - { at: 1000ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "1" } }
  - { at: 1250ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "2" } }
  - { at: 1500ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "3" } }
  - { at: 1750ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "4" } }
  - { at: 2000ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "5" } }
  - { at: 2250ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "6" } }
  - { at: 2500ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "7" } }
  - { at: 2750ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "8" } }
  - { at: 3000ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "9" } }
  - { at: 3250ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "10" } }
  - { at: 3500ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "11" } }
  - { at: 3750ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "12" } }
  - { at: 4000ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "13" } }
  - { at: 4250ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "14" } }
  - { at: 4500ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "15" } }
  - { at: 4750ms, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "16" } }
narration:
  - when: { message: reflector.watch, lane: Foo }
    text:
      en: >-
        Both informers watch from "{rv}". No Foo will change during this lesson. The server's window holds
        10 events, it sends a BOOKMARK every second, and watches end after {timeoutSeconds} s (all shortened
        for the lesson).
      zh: >-
        两个 Informer 都从 "{rv}" 开始 watch。本课程中没有任何 Foo 会变化。服务器的窗口保存 10 个事件，
        每秒发送一个 BOOKMARK，watch 在 {timeoutSeconds} 秒后结束（都为本课程缩短了）。
  - when: { message: user.write, key: default/logs }
    text:
      en: >-
        A busy neighbour: Deployment logs changes four times a second. Those events go to the Deployment
        informer; the Foo watch receives none of them.
      zh: >-
        一个忙碌的邻居：Deployment logs 每秒变化四次。这些事件通知发给 Deployment 的 Informer；
        Foo 的 watch 一个也收不到。
  - when: { message: apiserver.bookmark, lane: Foo }
    text:
      en: >-
        A BOOKMARK for the Foo watch: an empty Foo that carries only resourceVersion {rv}. It means "you
        have seen every Foo change up to revision {rv}" (S23).
      zh: >-
        发给 Foo watch 的 BOOKMARK：一个只带 resourceVersion {rv} 的空 Foo。它的意思是
        "截至修订号 {rv}，所有 Foo 的变化你都已经看到了"（S23）。
  - when: { message: reflector.bookmark, lane: Foo }
    text:
      en: >-
        The Reflector puts nothing into the DeltaFIFO for a bookmark; it only moves lastSyncResourceVersion
        to "{rv}" (R10). The quiet Foo informer keeps up with the head of the history.
      zh: >-
        对于 BOOKMARK，Reflector 不往 DeltaFIFO 里放任何东西；它只把 lastSyncResourceVersion 推进到
        "{rv}"（R10）。安静的 Foo Informer 因此跟上了历史的最新位置。
  - when: { message: apiserver.watch-timeout, lane: Foo }
    text:
      en: >-
        The Foo watch reaches its timeout and the server ends it cleanly.
      zh: >-
        Foo 的 watch 到了超时时间，服务器正常结束了它。
  - when: { message: reflector.watch-closed, lane: Foo }
    text:
      en: >-
        The Reflector re-watches from "{rv}": the last bookmark's resourceVersion, not the one of its
        LIST, which the window left behind long ago.
      zh: >-
        Reflector 从 "{rv}" 重新 watch：这是最后一个 BOOKMARK 的资源版本，而不是 LIST 时的资源版本，
        后者早已被窗口甩在身后。
  - when: { message: apiserver.watch, lane: Foo }
    after: { message: reflector.watch-closed, lane: Foo }
    text:
      en: >-
        "{rv}" is still inside the window: the watch opens, no 410, no relist. Without bookmarks the
        Reflector would have come back with its list's resourceVersion and got 410 Gone (T2).
      zh: >-
        "{rv}" 仍在窗口之内：watch 顺利打开，没有 410，也不用重新列举。没有 BOOKMARK 的话，
        Reflector 会带着列表的资源版本回来，收到 410 Gone（T2）。
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
        The Foo watch timed out. No Foo changed since the LIST, while Deployment writes pushed the revision
        far beyond the 10-event window. What happens when the Reflector watches again?
      zh: >-
        Foo 的 watch 超时了。自 LIST 以来没有 Foo 变化，而 Deployment 的写入已把修订号推到远超
        10 个事件的窗口之外。Reflector 再次 watch 时会发生什么？
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
          en: The server replays the Deployment events to the Foo watch
          zh: 服务器把 Deployment 的事件重放给 Foo 的 watch
        check: { count: { match: { message: reflector.event, lane: Foo }, min: 1 } }
    answer: open
    explanation:
      en: >-
        Bookmark resourceVersions follow the global revision even when nothing of the watched kind changes
        (S23), so the quiet informer's next watch starts inside the window. Without them, T2 ends in
        410 Gone, a backoff and a relist.
      zh: >-
        即使被 watch 的类型没有任何变化，BOOKMARK 的资源版本也跟随全局修订号前进（S23），
        所以安静的 Informer 下一次 watch 仍从窗口之内开始。没有 BOOKMARK，T2 的结局就是 410 Gone、退避和重新列举。
    reveal: { lane: Foo, component: apiserver }
    within: 8
goal:
  description:
    en: >-
      Bookmarks move the quiet Foo informer's resourceVersion forward, and after its watch times out it
      watches again without 410 Gone and without a relist.
    zh: >-
      BOOKMARK 推进了安静的 Foo Informer 的资源版本；它的 watch 超时后重新 watch，既没有 410 Gone，
      也没有重新列举。
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
