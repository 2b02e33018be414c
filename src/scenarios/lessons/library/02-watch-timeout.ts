/** Lesson 2: a clean watch timeout: re-watch from the last resourceVersion, no relist (R9, R10, R11, S22). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: watch-timeout
  number: 2
  title:
    en: 'A clean watch timeout: re-watch, no relist'
    zh: 正常的 watch 超时：重新 watch，不重新列举
  summary:
    en: >-
      Every watch ends: the Reflector asks for a timeout and the server closes the stream when it is up.
      A clean close is not an error: the Reflector opens a new watch at once from the last resourceVersion
      it saw, keeps its cache and does not LIST again.
    zh: >-
      每个 watch 都会结束：Reflector 请求了超时时间，时间一到服务器就关闭流。正常关闭不是错误：
      Reflector 立即从它看到的最后一个资源版本开始新的 watch，保留本地缓存，不再 LIST。
rules: [R9, R10, R11, S22]
steps: 45
seed: 2
settings:
  era: classic
  resyncPeriod: 0
  watchTimeout: 6s
  bookmarkInterval: 0
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
  - { at: 2s, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: web } }
  - { at: 9s, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: api } }
narration:
  - when: { message: reflector.watch, lane: Foo }
    text:
      en: >-
        After its LIST the Foo Reflector watches from "{rv}". This lesson shortens the watch timeout to
        {timeoutSeconds} s (client-go picks 300 to 600 s) so that you can see what happens when it runs out.
      zh: >-
        LIST 之后，Foo 的 Reflector 从 "{rv}" 开始 watch。本课程把 watch 超时缩短为 {timeoutSeconds} 秒
        （client-go 会在 300 到 600 秒之间选取），好让你看到超时之后发生了什么。
  - when: { message: reflector.event, lane: Foo }
    text:
      en: >-
        A user changes alpha. The {type} event arrives on the watch and moves lastSyncResourceVersion to
        "{rv}".
      zh: >-
        用户修改了 alpha。{type} 事件通知经由 watch 到达，把 lastSyncResourceVersion 推进到 "{rv}"。
  - when: { message: apiserver.watch-timeout, lane: Foo }
    text:
      en: >-
        The server ends the Foo watch because its timeout is up. The stream just ends: no ERROR event.
      zh: >-
        超时时间到了，服务器结束 Foo 的 watch。流只是结束了：没有 ERROR 事件。
  - when: { message: reflector.watch-closed, lane: Foo }
    text:
      en: >-
        The Reflector sees a normal close after {events} event(s) and at once opens a new WATCH from
        lastSyncResourceVersion "{rv}": no backoff, no LIST, and the cache stays as it is (R11).
      zh: >-
        Reflector 看到流在 {events} 个事件之后正常关闭，立即从 lastSyncResourceVersion "{rv}"
        开始新的 WATCH：不退避、不 LIST，本地缓存保持不变（R11）。
  - when: { message: apiserver.watch, lane: Foo }
    after: { message: reflector.watch-closed, lane: Foo }
    text:
      en: >-
        The new watch starts at "{rv}" and the server replays {replayed} events: nothing changed since then.
      zh: >-
        新的 watch 从 "{rv}" 开始，服务器重放了 {replayed} 个事件：在那之后没有任何变化。
  - when: { message: reflector.watch-closed, lane: Deployment }
    text:
      en: >-
        The Deployment informer's watch timed out too. It re-watches from "{rv}", the resourceVersion of
        its list, because it has not received a single event since.
      zh: >-
        Deployment 的 Informer 的 watch 也超时了。它从 "{rv}" 重新 watch，这是它列表的资源版本，
        因为此后它没有收到任何事件。
  - when: { message: reflector.event, lane: Foo }
    after: { message: reflector.watch-closed, lane: Foo }
    text:
      en: >-
        The change made at 9 s ({type}, rv {rv}) arrives on the new watch, just as it would have on the old
        one. A timeout costs one request, not a relist.
      zh: >-
        9 秒时的修改（{type}，rv {rv}）经由新的 watch 到达，和在旧 watch 上一样。
        一次超时只多花一个请求，而不是一次重新列举（relist）。
pauses:
  - id: after-timeout
    before: { message: reflector.watch-closed, lane: Foo }
    question:
      en: The server has just ended the Foo watch because its timeout ran out. What does the Reflector do next?
      zh: 服务器刚刚因为超时结束了 Foo 的 watch。Reflector 接下来做什么？
    choices:
      - id: relist
        text:
          en: Back off, then LIST all Foos again and Replace its cache
          zh: 先退避，然后重新 LIST 所有 Foo 并 Replace 本地缓存
        check: { count: { match: { message: reflector.list, lane: Foo }, min: 1 } }
      - id: rewatch
        text:
          en: Open a new WATCH at once, from the resourceVersion of the last event it saw ("4")
          zh: 立即从它看到的最后一个事件的资源版本（"4"）开始新的 WATCH
        check:
          all:
            - sequence:
                - { message: reflector.watch-closed, lane: Foo }
                - { message: reflector.watch, lane: Foo, params: { rv: "4" } }
            - { count: { match: { message: reflector.list, lane: Foo }, max: 0 } }
      - id: rewatch-from-list
        text:
          en: Open a new WATCH from the list's resourceVersion ("1")
          zh: 从列表的资源版本（"1"）开始新的 WATCH
        check: { sequence: [{ message: reflector.watch, lane: Foo, params: { rv: "1" } }] }
    answer: rewatch
    explanation:
      en: >-
        A clean close (the server's timeout, S22) is not an error. The Reflector's watch loop simply opens
        the next watch from lastSyncResourceVersion, which every event moved forward (R10, R11). Only an
        error, such as 410 Gone, leads to a relist.
      zh: >-
        正常关闭（服务器超时，S22）不是错误。Reflector 的 watch 循环直接从 lastSyncResourceVersion
        开始下一个 watch，而每个事件都会推进这个资源版本（R10、R11）。只有出错（例如 410 Gone）才会导致重新列举。
    reveal: { messagePrefix: reflector.watch, lane: Foo }
    within: 8
  - id: replayed
    before: { message: apiserver.watch, lane: Foo }
    after: { message: reflector.watch-closed, lane: Foo }
    question:
      en: The new watch asks for changes after resourceVersion "4". How many events does the server replay?
      zh: 新的 watch 请求资源版本 "4" 之后的变化。服务器会重放多少个事件？
    choices:
      - id: none
        text:
          en: None; nothing has changed since revision 4
          zh: 零个；修订号 4 之后没有变化
        check: { count: { match: { message: apiserver.watch, lane: Foo, params: { replayed: 0 } }, min: 1 } }
      - id: the-change
        text:
          en: One, the change made at 2 s, again
          zh: 一个，就是 2 秒时的那次修改，再来一遍
        check: { count: { match: { message: apiserver.watch, lane: Foo, params: { replayed: 1 } }, min: 1 } }
      - id: everything
        text:
          en: One ADDED event per Foo, like a fresh start
          zh: 每个 Foo 一个 ADDED 事件，就像重新开始
        check: { count: { match: { message: reflector.event, lane: Foo, params: { type: ADDED } }, min: 1 } }
    answer: none
    explanation:
      en: >-
        A watch from resourceVersion N gets only the events after N (S16). The change at 2 s had revision 4 (3 went to the Event the controller recorded for alpha: every resource shares one revision counter, S1),
        so it is not sent again, and there are no synthetic ADDED events: those come only with "0" or "".
      zh: >-
        从资源版本 N 开始的 watch 只收到 N 之后的事件（S16）。2 秒时的修改是修订号 4（3 被控制器为 alpha 记录的 Event 占用：所有资源共用一个修订号计数器，S1），不会再发一次；
        也没有合成的 ADDED 事件：只有 "0" 或 "" 才会有。
    reveal: { message: apiserver.watch, lane: Foo }
    within: 3
goal:
  description:
    en: >-
      After the server's timeout ends the Foo watch, the Reflector re-watches from the last resourceVersion
      it saw without a LIST, and the next change still arrives as a watch event.
    zh: >-
      服务器因超时结束 Foo 的 watch 之后，Reflector 不做 LIST，从它看到的最后一个资源版本重新 watch，
      下一次修改仍以事件通知的形式到达。
  check:
    all:
      - sequence:
          - { message: apiserver.watch-timeout, lane: Foo }
          - { message: reflector.watch-closed, lane: Foo }
          - { message: reflector.watch, lane: Foo, params: { rv: "4" } }
          - { message: apiserver.watch, lane: Foo, params: { rv: "4", replayed: 0 } }
          - { message: reflector.event, lane: Foo, params: { type: MODIFIED, rv: "6" } }
      - count: { match: { message: reflector.list, lane: Foo }, max: 1 }
`;
