/**
 * Lesson 21 (modern): the initial list as a stream. Reflector.watchList sends one watch with
 * sendInitialEvents=true, collects the ADDED events in a temporary store, hands them to the RealFIFO as one
 * Replace at the end bookmark, and keeps the same stream as its watch: no LIST (R18, R19, R20, S24).
 */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: watch-list
  number: 21
  title:
    en: "WatchList: the initial list arrives as a stream"
    zh: WatchList：初始列表以流的方式到达
  summary:
    en: >-
      Since client-go 1.35 a Reflector does not LIST to start. Reflector.watchList sends one watch with
      sendInitialEvents=true; the server streams an ADDED event per object, then a bookmark marked
      k8s.io/initial-events-end. The Reflector collects the objects in a temporary store, hands them to the
      RealFIFO as one Replace, and goes on reading the same stream as its watch.
    zh: >-
      从 client-go 1.35 开始，Reflector 启动时不再 LIST。Reflector.watchList 发送一个带 sendInitialEvents=true 的
      watch；APIServer 为每个对象推送一个 ADDED 事件通知，然后是一个标有 k8s.io/initial-events-end 的书签。
      Reflector 把对象收集在临时存储中，作为一次 Replace 交给 RealFIFO，然后继续把同一个流当作它的 watch 来读。
rules: [R18, R19, R20, R10, S24]
steps: 36
seed: 21
settings:
  era: modern
  resyncPeriod: 0
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
        Reflector.watchList: one request, a watch from "{rv}" with sendInitialEvents=true,
        resourceVersionMatch=NotOlderThan and bookmarks on, timeout {timeoutSeconds} s. There is no LIST.
      zh: >-
        Reflector.watchList：只发一个请求，一个从 "{rv}" 开始的 watch，带 sendInitialEvents=true、
        resourceVersionMatch=NotOlderThan，开启书签，超时 {timeoutSeconds} 秒。没有 LIST。
  - when: { message: apiserver.watch, lane: Foo }
    text:
      en: >-
        The 1.36 API server accepts it (its WatchList gate is on) and queues {replayed} events on the stream at
        once: a synthetic ADDED for each Foo it has now, then the end bookmark.
      zh: >-
        1.36 的 APIServer 接受了这个请求（它的 WatchList 特性门控是开启的），一次在流上放入 {replayed} 个事件：
        为它现有的每个 Foo 合成一个 ADDED，然后是结束书签。
  - when: { message: reflector.initial-event, lane: Foo }
    text:
      en: >-
        {type} {key} (rv {rv}), and every ADDED after it, goes into the Reflector's temporary store, not
        into the RealFIFO (R20).
      zh: '{type} {key}（rv {rv}）以及之后的每个 ADDED 都进入 Reflector 的临时存储，而不是 RealFIFO（R20）。'
  - when: { message: reflector.initial-events-end, lane: Foo }
    text:
      en: >-
        The bookmark annotated k8s.io/initial-events-end: "true" ends the initial phase: {items} Foos at rv {rv}.
      zh: >-
        带有 k8s.io/initial-events-end: "true" 注解的书签结束了初始阶段：{items} 个 Foo，rv 为 {rv}。
  - when: { message: reflector.replace-all, lane: Foo }
    text:
      en: >-
        RealFIFO.Replace receives the temporary store's {items} objects at once, at rv {rv}: one ReplacedAll
        entry, as after a LIST. lastSyncResourceVersion is now {rv}.
      zh: >-
        RealFIFO.Replace 一次性接收临时存储中的 {items} 个对象，rv 为 {rv}：一个 ReplacedAll 条目，
        与 LIST 之后一样。lastSyncResourceVersion 现在是 {rv}。
  - when: { message: controller.caches-synced }
    text:
      en: >-
        HasSynced: the ReplacedAll was processed, so the caches are synced and the {workers} workers start.
      zh: HasSynced：ReplacedAll 已处理完，缓存已同步，{workers} 个 worker 开始工作。
  - when: { message: reflector.event, lane: Foo }
    after: { message: user.write, key: default/alpha }
    text:
      en: >-
        alpha's {type} (rv {rv}) arrives on the very stream that carried the initial list:
        ListAndWatchWithContext handed it to watchWithResync, so no second request was needed.
      zh: >-
        alpha 的 {type}（rv {rv}）就在传来初始列表的同一个流上到达：ListAndWatchWithContext 把这个流交给了
        watchWithResync，所以不需要第二个请求。
pauses:
  - id: where-do-adds-go
    before: { message: reflector.initial-events-end, lane: Foo }
    question:
      en: >-
        The stream has delivered an ADDED event for alpha and one for beta. What happens when the end
        bookmark arrives?
      zh: 这个流已经送来了 alpha 和 beta 的 ADDED 事件通知。结束书签到达时会发生什么？
    choices:
      - id: already-queued
        text:
          en: Nothing new; each ADDED was already queued in the RealFIFO as an Added entry
          zh: 没有新的变化；每个 ADDED 早已作为 Added 条目放进了 RealFIFO
        check: { count: { match: { message: realfifo.add, lane: Foo }, min: 1 } }
      - id: one-replace
        text:
          en: The temporary store's objects go to the RealFIFO as one ReplacedAll
          zh: 临时存储中的对象作为一个 ReplacedAll 进入 RealFIFO
        check:
          all:
            - sequence:
                - { message: reflector.replace-all, lane: Foo, params: { items: 2 } }
                - { message: informer.pop-batch, lane: Foo, params: { deltas: ReplacedAll(2) } }
            - count: { match: { message: realfifo.add, lane: Foo }, max: 0 }
      - id: list-now
        text:
          en: The Reflector now LISTs to get the objects' full state
          zh: Reflector 现在发出 LIST，取得对象的完整状态
        check: { count: { match: { message: reflector.list, lane: Foo }, min: 1 } }
    answer: one-replace
    explanation:
      en: >-
        watchList keeps the initial events in a temporary store; the end bookmark makes it call
        store.Replace(temporaryStore.List(), bookmarkRV) once (R20), so the informer sees a ReplacedAll.
      zh: >-
        watchList 把初始事件保存在临时存储中；结束书签让它调用一次 store.Replace(temporaryStore.List(), bookmarkRV)
        （R20），所以 Informer 看到的是一个 ReplacedAll。
    reveal: { lane: Foo, messagePrefix: reflector. }
    within: 3
  - id: next-event
    before: { message: user.write, key: default/alpha }
    question:
      en: alpha is about to be patched. How does its MODIFIED event reach the Foo Reflector?
      zh: alpha 即将被修改。它的 MODIFIED 事件通知如何到达 Foo 的 Reflector？
    choices:
      - id: same-stream
        text:
          en: On the same stream that carried the initial list
          zh: 在传来初始列表的同一个流上
        check:
          all:
            - count: { match: { message: reflector.event, lane: Foo, key: default/alpha }, min: 1 }
            - count: { match: { message: reflector.watch, lane: Foo }, max: 0 }
            - count: { match: { message: apiserver.watch, lane: Foo }, max: 0 }
      - id: new-watch
        text:
          en: On a new WATCH the Reflector opened after the initial list
          zh: 在 Reflector 于初始列表之后新开的 WATCH 上
        check: { count: { match: { message: reflector.watch, lane: Foo }, min: 1 } }
      - id: next-list
        text:
          en: Not at all; the Reflector will see it at its next watch-list
          zh: 收不到；Reflector 要到下一次 watch-list 才会看到
        check: { count: { match: { message: reflector.event, lane: Foo }, max: 0 } }
    answer: same-stream
    explanation:
      en: >-
        After the end bookmark the watch-list stream simply continues as a normal watch, with events newer
        than the bookmark's RV (S24, R20).
      zh: 结束书签之后，watch-list 的流就像普通 watch 一样继续，推送比书签 RV 更新的事件（S24、R20）。
    reveal: { lane: Foo, component: reflector }
    within: 3
goal:
  description:
    en: >-
      The Foo informer starts with one watch-list stream: ADDED events, the end bookmark, one Replace, then
      live events on the same stream, with no LIST and no second watch.
    zh: >-
      Foo Informer 以一个 watch-list 流启动：ADDED 事件通知、结束书签、一次 Replace，然后同一个流上的实时事件，
      没有 LIST，也没有第二个 watch。
  check:
    all:
      - sequence:
          - { message: reflector.watch-list, lane: Foo, params: { rv: "" } }
          - { message: reflector.initial-event, lane: Foo, key: default/alpha, params: { type: ADDED } }
          - { message: reflector.initial-events-end, lane: Foo, params: { items: 2 } }
          - { message: reflector.replace-all, lane: Foo, params: { relist: false } }
          - { message: user.write, key: default/alpha }
          - { message: reflector.event, lane: Foo, key: default/alpha, params: { type: MODIFIED } }
      - count: { match: { message: reflector.list, lane: Foo }, max: 0 }
      - count: { match: { message: reflector.watch, lane: Foo }, max: 0 }
`;
