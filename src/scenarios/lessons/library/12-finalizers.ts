/** Lesson 12: finalizers: MODIFIED with deletionTimestamp, then DELETED when the last finalizer goes (S28, S27, S30, C2). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: finalizers
  number: 12
  title:
    en: 'Finalizers: MODIFIED first, DELETED last'
    zh: Finalizer：先是 MODIFIED，最后才是 DELETED
  summary:
    en: >-
      Deleting an object that has finalizers only marks it: the server sets deletionTimestamp and watchers
      see MODIFIED. The object is removed, with a DELETED event, by the update that takes away its last
      finalizer.
    zh: >-
      删除一个带 finalizer 的对象只会给它做标记：服务器设置 deletionTimestamp，watcher 看到的是 MODIFIED。
      直到去掉最后一个 finalizer 的那次更新，对象才被真正删除，并产生 DELETED 事件。
rules: [S28, S27, S30, C2]
steps: 43
seed: 12
settings:
  era: classic
  resyncPeriod: 0
objects:
  - kind: Foo
    metadata: { name: alpha, finalizers: [example.com/cleanup, example.com/audit] }
    spec: { deploymentName: alpha, replicas: 1 }
  - kind: Deployment
    metadata:
      name: alpha
      ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: alpha, controller: true }]
    spec: { replicas: 1 }
script:
  - { at: 2s, action: delete, target: { kind: Foo, name: alpha } }
  - { at: 3s, action: removeFinalizer, target: { kind: Foo, name: alpha }, finalizer: example.com/cleanup }
  - { at: 4s, action: removeFinalizer, target: { kind: Foo, name: alpha }, finalizer: example.com/audit }
narration:
  - when: { message: controller.caches-synced }
    text:
      en: >-
        Foo alpha carries two finalizers, example.com/cleanup and example.com/audit: other controllers have
        work to finish before alpha may go away.
      zh: >-
        Foo alpha 带着两个 finalizer：example.com/cleanup 和 example.com/audit。在 alpha 消失之前，
        别的控制器还有工作要完成。
  - when: { message: user.write, key: default/alpha, params: { verb: delete } }
    text:
      en: >-
        At 2 s a user deletes alpha ({code}). Because it has finalizers the server does not remove it: it
        sets deletionTimestamp, which is an update (S28).
      zh: >-
        2 秒时用户删除了 alpha（{code}）。因为它有 finalizer，服务器并不移除它，而是设置 deletionTimestamp，
        这是一次更新（S28）。
  - when: { message: reflector.event, lane: Foo, key: default/alpha, deleting: true }
    text:
      en: >-
        So the informer receives {type} (rv {rv}), not DELETED: alpha is still there, now terminating.
      zh: >-
        所以 Informer 收到的是 {type}（rv {rv}），而不是 DELETED：alpha 仍然存在，只是正在终止。
  - when: { message: handler.OnUpdate, lane: Foo, key: default/alpha }
    after: { message: user.write, key: default/alpha, params: { verb: delete } }
    text:
      en: >-
        foo-handler gets OnUpdate and enqueues alpha. A controller that owns a finalizer notices
        deletionTimestamp here, does its cleanup and then removes its finalizer.
      zh: >-
        foo-handler 收到 OnUpdate 并把 alpha 加入队列。拥有 finalizer 的控制器会在这里注意到 deletionTimestamp，
        完成清理工作，然后移除自己的 finalizer。
  - when: { message: user.write, params: { verb: removeFinalizer } }
    text:
      en: >-
        At 3 s example.com/cleanup is removed. One finalizer is left, so this is just one more update.
      zh: >-
        3 秒时 example.com/cleanup 被移除。还剩一个 finalizer，所以这只是又一次更新。
  - when: { message: reflector.event, lane: Foo, key: default/alpha, params: { type: DELETED } }
    text:
      en: >-
        At 4 s the last finalizer goes. The update that empties the list deletes the object instead:
        DELETED, rv {rv} (S28).
      zh: >-
        4 秒时最后一个 finalizer 被移除。清空列表的那次更新改为删除对象：DELETED，rv {rv}（S28）。
  - when: { message: handler.foo-delete-ignored }
    text:
      en: >-
        The sample-controller registers no DeleteFunc for Foos, so nothing is enqueued (C2). The cleanup of
        the Deployment is left to the garbage collector.
      zh: >-
        sample-controller 没有为 Foo 注册 DeleteFunc，所以什么也不会入队（C2）。Deployment 的清理交给垃圾回收器。
  - when: { message: apiserver.gc }
    text:
      en: >-
        The garbage collector finds Deployment {key} without its owner and deletes it (S30).
      zh: >-
        垃圾回收器发现 Deployment {key} 的所有者已不存在，于是删除它（S30）。
  - when: { message: handler.orphan-ignored }
    after: { message: apiserver.gc }
    text:
      en: >-
        deployment-handler looks up the owner {owner} in the Foo lister, finds nothing and ignores the
        orphaned Deployment.
      zh: >-
        deployment-handler 在 Foo lister 里查找所有者 {owner}，没有找到，于是忽略这个孤儿 Deployment。
pauses:
  - id: delete-with-finalizers
    before: { message: reflector.event, lane: Foo, key: default/alpha }
    after: { message: user.write, key: default/alpha, params: { verb: delete } }
    question:
      en: A user deleted Foo alpha, which has two finalizers. What event does the Foo informer receive?
      zh: 用户删除了带两个 finalizer 的 Foo alpha。Foo 的 Informer 会收到什么事件？
    choices:
      - id: deleted
        text:
          en: DELETED
          zh: DELETED
        check: { count: { match: { message: reflector.event, key: default/alpha, params: { type: DELETED } }, min: 1 } }
      - id: modified
        text:
          en: MODIFIED, with deletionTimestamp set
          zh: MODIFIED，带有 deletionTimestamp
        check:
          count: { match: { message: reflector.event, key: default/alpha, deleting: true, params: { type: MODIFIED } }, min: 1 }
      - id: nothing
        text:
          en: Nothing, until the finalizers are gone
          zh: 什么也没有，直到 finalizer 全部移除
        check: { count: { match: { message: reflector.event, lane: Foo, key: default/alpha }, max: 0 } }
    answer: modified
    explanation:
      en: >-
        With finalizers, DELETE is an update: deletionTimestamp is set, generation grows, and watchers get
        MODIFIED. The object stays readable until its finalizers are gone (S28).
      zh: >-
        有 finalizer 时，DELETE 是一次更新：设置 deletionTimestamp，generation 加一，watcher 收到 MODIFIED。
        在 finalizer 全部移除之前，对象仍然可以读取（S28）。
    reveal: { message: reflector.event, lane: Foo }
    within: 3
  - id: last-finalizer
    before: { message: user.write, params: { verb: removeFinalizer } }
    after: { message: user.write, params: { verb: removeFinalizer } }
    question:
      en: >-
        Now the last finalizer, example.com/audit, is removed. What does the Foo informer receive, and which
        callback runs?
      zh: 现在最后一个 finalizer example.com/audit 被移除。Foo 的 Informer 会收到什么？运行哪个回调？
    choices:
      - id: modified-update
        text:
          en: MODIFIED with an empty finalizer list, then OnUpdate
          zh: finalizer 列表为空的 MODIFIED，然后是 OnUpdate
        check: { count: { match: { message: reflector.event, key: default/alpha, params: { type: MODIFIED } }, min: 1 } }
      - id: deleted-delete
        text:
          en: DELETED, then OnDelete
          zh: DELETED，然后是 OnDelete
        check:
          sequence:
            - { message: reflector.event, key: default/alpha, params: { type: DELETED } }
            - { message: handler.OnDelete, lane: Foo, key: default/alpha }
    answer: deleted-delete
    explanation:
      en: >-
        An update that leaves a terminating object without finalizers deletes it (ShouldDeleteDuringUpdate):
        one DELETED event, so the informer removes alpha from its cache and calls OnDelete.
      zh: >-
        让正在终止的对象失去全部 finalizer 的更新会删除它（ShouldDeleteDuringUpdate）：产生一个 DELETED 事件，
        Informer 从本地缓存中移除 alpha 并调用 OnDelete。
    reveal: { lane: Foo, key: default/alpha, messagePrefix: handler.On }
    within: 5
goal:
  description:
    en: >-
      Deleting alpha first produces MODIFIED events with deletionTimestamp (one per update while finalizers
      remain), and DELETED comes only when the last finalizer is removed.
    zh: >-
      删除 alpha 先产生带 deletionTimestamp 的 MODIFIED 事件（finalizer 还在时每次更新一个），
      只有在最后一个 finalizer 被移除时才出现 DELETED。
  check:
    sequence:
      - { message: user.write, key: default/alpha, params: { verb: delete } }
      - { message: reflector.event, lane: Foo, key: default/alpha, deleting: true, params: { type: MODIFIED } }
      - { message: handler.OnUpdate, lane: Foo, key: default/alpha }
      - { message: user.write, key: default/alpha, params: { verb: removeFinalizer } }
      - { message: reflector.event, lane: Foo, key: default/alpha, deleting: true, params: { type: MODIFIED } }
      - { message: user.write, key: default/alpha, params: { verb: removeFinalizer } }
      - { message: reflector.event, lane: Foo, key: default/alpha, params: { type: DELETED } }
      - { message: handler.OnDelete, lane: Foo, key: default/alpha }
      - { message: apiserver.gc, key: default/alpha }
`;
