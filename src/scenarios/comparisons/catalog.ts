/**
 * The built-in comparisons (issue 13): two runs of one story that differ in one thing. Every claim in
 * the texts was read off the two traces (src/scenarios/comparisons/catalog.test.ts runs both sides in
 * Node and judges each check there, and again with the two sides made identical, where it must fail).
 */
import type { ControllerMistakes } from '../../engine/model/scenario';
import { comparisonTitle } from './titles';
import type { Comparison } from './types';

const NO_MISTAKES: ControllerMistakes = {
  noDeepCopy: false,
  noTombstoneUnwrap: false,
  noForget: false,
  noDone: false,
  filterAllResyncs: false,
};

/** The tombstone lesson's controller with the handler that does not unwrap tombstones (both sides). */
const NO_UNWRAP: ControllerMistakes = { ...NO_MISTAKES, noTombstoneUnwrap: true };

/** (a) The initial list: classic LIST + Replace (D7) against modern WatchList + ReplacedAll (R19, R20, F3). */
const initialList: Comparison = {
  ...comparisonTitle('initial-list-classic-vs-modern'),
  lookFor: {
    en: 'Left, the three Foos of the first LIST enter the DeltaFIFO as three Replaced deltas popped one by one; right, they are streamed by a watch and arrive as one ReplacedAll entry that replaces the indexer at once.',
    zh: '左边，第一次 LIST 得到的三个 Foo 以三个 Replaced 增量进入 DeltaFIFO，逐个弹出；右边，它们由一个 watch 以流的方式送来，作为一个 ReplacedAll 条目到达，一次性替换索引器。',
  },
  narration: {
    en: 'Both sides run the default story; only the client-go era differs. On the left (client-go 1.26) the Reflector sends a LIST and hands the result to DeltaFIFO.Replace, which queues one Replaced delta per Foo; the informer pops each key on its own, stores it in the indexer and calls OnAdd(obj) (D7; client-go 1.26’s handlers have no isInInitialList flag, it came in 1.27). On the right (client-go 1.36) there is no LIST: the Reflector opens a watch with sendInitialEvents=true, collects the ADDED events in a temporary store until the initial-events-end bookmark, then calls Replace once, and the RealFIFO holds a single ReplacedAll entry (R19, R20, F3). The informer pops it as one entry, replaces the indexer whole, then dispatches the three OnAdds. What the sample-controller sees is the same on both sides: three OnAdd calls (on the right with isInInitialList=true, SI6, which its AddFunc ignores) and three keys in the workqueue.',
    zh: '两边运行同一个默认场景，只有 client-go 的版本不同。左边（client-go 1.26）Reflector 发送一次 LIST，把结果交给 DeltaFIFO.Replace，它为每个 Foo 放入一个 Replaced 增量；Informer 逐个弹出这些键，存入索引器并调用 OnAdd(obj)（D7；client-go 1.26 的处理函数没有 isInInitialList 参数，它从 1.27 才出现）。右边（client-go 1.36）没有 LIST：Reflector 打开一个带 sendInitialEvents=true 的 watch，把 ADDED 事件通知收集在临时存储中，直到收到 initial-events-end 书签，然后只调用一次 Replace，RealFIFO 中只有一个 ReplacedAll 条目（R19、R20、F3）。Informer 把它作为一个条目弹出，整体替换索引器，然后分发三次 OnAdd。sample-controller 看到的两边相同：三次 OnAdd 调用（右边带 isInInitialList=true，SI6，它的 AddFunc 不使用这个参数），工作队列中三个键。',
  },
  rules: ['D7', 'SI6', 'R19', 'R20', 'F3', 'D1'],
  left: { source: { kind: 'library', name: 'default' }, interventions: [] },
  right: { source: { kind: 'library', name: 'default', changes: { era: 'modern' } }, interventions: [] },
  differs: { kind: 'era', left: 'classic', right: 'modern' },
  align: 'time',
  steps: 30,
  check: {
    description: {
      en: 'Left: a LIST, then three Replaced deltas popped one by one. Right: a watch-list, then one ReplacedAll of three Foos popped as one entry; three OnAdds on each side.',
      zh: '左边：一次 LIST，然后三个 Replaced 增量逐个弹出。右边：一次 watch-list，然后一个包含三个 Foo 的 ReplacedAll 作为一个条目弹出；两边各有三次 OnAdd。',
    },
    left: {
      type: 'all',
      checks: [
        {
          type: 'sequence',
          matchers: [
            { message: 'reflector.list', lane: 'Foo' },
            { message: 'reflector.replace', lane: 'Foo', params: { items: 3, relist: false } },
          ],
        },
        {
          type: 'count',
          match: { message: 'informer.pop', lane: 'Foo', params: { deltas: 'Replaced' } },
          min: 3,
          max: 3,
        },
        { type: 'count', match: { message: 'reflector.replace-all' }, min: 0, max: 0 },
        {
          type: 'count',
          match: { message: 'handler.OnAdd', lane: 'Foo', params: { isInInitialList: true } },
          min: 3,
          max: 3,
        },
      ],
    },
    right: {
      type: 'all',
      checks: [
        {
          type: 'sequence',
          matchers: [
            { message: 'reflector.watch-list', lane: 'Foo' },
            { message: 'reflector.initial-events-end', lane: 'Foo', params: { items: 3 } },
            { message: 'reflector.replace-all', lane: 'Foo', params: { items: 3 } },
            { message: 'informer.pop-batch', lane: 'Foo', params: { deltas: 'ReplacedAll(3)' } },
            { message: 'indexer.replace', lane: 'Foo', params: { size: 3 } },
          ],
        },
        { type: 'count', match: { message: 'reflector.list' }, min: 0, max: 0 },
        { type: 'count', match: { message: 'informer.pop', lane: 'Foo' }, min: 0, max: 0 },
        {
          type: 'count',
          match: { message: 'handler.OnAdd', lane: 'Foo', params: { isInInitialList: true } },
          min: 3,
          max: 3,
        },
      ],
    },
  },
};

/** (b) The worker's status update with and without DeepCopy (C7, C4). */
const deepCopy: Comparison = {
  ...comparisonTitle('deepcopy'),
  lookFor: {
    en: 'The first difference is on the right: the worker sets the status on the Foo it got from the lister, and the informer’s cache now holds a status the API server never stored.',
    zh: '第一个差异出现在右边：Worker 直接在从 lister 取得的 Foo 上设置 status，Informer 的本地缓存于是保存了一个 APIServer 从未存储过的 status。',
  },
  narration: {
    en: 'Both sides run the default story. The left controller updates the status on foo.DeepCopy(), as the sample-controller does (C4); the right one assigns status.availableReplicas on the lister’s own object (C7). The traces are identical until the first status update that changes a value: there the right side records that the cache was mutated, at the same resourceVersion, with a status the server does not have. The request the worker sends is the same on both sides, so the API server never notices; until the MODIFIED event replaces the object, every reader of the lister (handlers, the other worker) sees the invented status.',
    zh: '两边运行同一个默认场景。左边的控制器像 sample-controller 那样在 foo.DeepCopy() 上更新 status（C4）；右边的控制器直接给 lister 返回的对象赋值 status.availableReplicas（C7）。两条记录一直相同，直到第一次改变数值的 status 更新：右边记下本地缓存被改写了，资源版本不变，status 却是 APIServer 上没有的。两边 Worker 发出的请求相同，所以 APIServer 毫无察觉；直到 MODIFIED 事件通知替换这个对象之前，lister 的每个读者（事件处理函数、另一个 Worker）看到的都是这个凭空出现的 status。',
  },
  rules: ['C7', 'C4'],
  left: { source: { kind: 'library', name: 'default' }, interventions: [] },
  right: {
    source: { kind: 'library', name: 'default', changes: { mistakes: { ...NO_MISTAKES, noDeepCopy: true } } },
    interventions: [],
  },
  differs: { kind: 'mistake', name: 'noDeepCopy' },
  align: 'step',
  steps: 100,
  check: {
    description: {
      en: 'Left: the worker updates the status and the cache is never mutated. Right: the cache is mutated before the status update is sent, and the MODIFIED event later replaces the object.',
      zh: '左边：Worker 更新 status，本地缓存从未被改写。右边：发送 status 更新之前本地缓存已被改写，之后 MODIFIED 事件通知替换了这个对象。',
    },
    left: {
      type: 'all',
      checks: [
        { type: 'count', match: { messagePrefix: 'worker.mutated' }, min: 0, max: 0 },
        { type: 'count', match: { message: 'worker.cache-mutated' }, min: 0, max: 0 },
        {
          type: 'count',
          match: { message: 'client.request', key: 'default/frontend', params: { verb: 'updateStatus' } },
          min: 1,
          max: null,
        },
      ],
    },
    right: {
      type: 'sequence',
      matchers: [
        { message: 'worker.cache-mutated', key: 'default/frontend' },
        { message: 'client.request', key: 'default/frontend', params: { verb: 'updateStatus' } },
        { message: 'reflector.event', lane: 'Foo', key: 'default/frontend', params: { type: 'MODIFIED' } },
      ],
    },
  },
};

/** (c) A missed delete, a handler that drops tombstones, and resync as the safety net (R16, D8, C2). */
const resyncAfterMissedDelete: Comparison = {
  ...comparisonTitle('resync-after-missed-delete'),
  lookFor: {
    en: 'Both handlers drop the tombstone of the missed delete; on the left the Foo’s resync enqueues it again and the worker recreates Deployment alpha, on the right nothing ever does.',
    zh: '两边的事件处理函数都丢掉了这次错过的删除所产生的墓碑对象；左边 Foo 的重新同步再次把它加入工作队列，Worker 重新创建了 Deployment alpha，右边则再也没有任何动作。',
  },
  narration: {
    en: 'The story of the tombstone lesson: the Deployment watch fails, Deployment alpha is deleted while no watch is open, and the relist turns the deletion into a DeletedFinalStateUnknown tombstone (D7, SI12). Both controllers have the same bug: their OnDelete does not unwrap the tombstone, so the Foo that owns the Deployment is never enqueued. The only difference is the resync period: 5 s on the left (the sample-controller uses 30 s), none on the right. At the left’s resync the Foo informer queues a Sync delta from its cache and calls OnUpdate with the same resourceVersion; the Foo handler does not filter resyncs, so Foo alpha is enqueued, the worker finds no Deployment in its lister and creates it (R16, D8, C2). The Deployment informer’s resync cannot help: alpha is no longer in its cache (and that handler drops same-resourceVersion updates anyway). On the right nothing ever enqueues Foo alpha again.',
    zh: '这是墓碑对象那一课的故事：Deployment 的 watch 出错，Deployment alpha 在没有 watch 的时候被删除，重新列举把这次删除变成一个墓碑对象 DeletedFinalStateUnknown（D7、SI12）。两边的控制器有同一个缺陷：OnDelete 不解开墓碑对象，所以拥有这个 Deployment 的 Foo 永远不会被加入工作队列。唯一的不同是重新同步的周期：左边 5 秒（sample-controller 用 30 秒），右边没有。左边重新同步时，Foo 的 Informer 从本地缓存放入一个 Sync 增量，并以相同的资源版本调用 OnUpdate；Foo 的事件处理函数不过滤重新同步，于是 Foo alpha 被加入工作队列，Worker 在 lister 里找不到 Deployment，便重新创建它（R16、D8、C2）。Deployment 的 Informer 重新同步也帮不上忙：alpha 已经不在它的本地缓存里了（何况它的事件处理函数会丢弃资源版本相同的更新）。右边则再也没有任何东西把 Foo alpha 加入工作队列。',
  },
  rules: ['R16', 'D8', 'SI3', 'C2', 'D7', 'SI12'],
  left: {
    source: { kind: 'lesson', id: 'tombstone', changes: { mistakes: NO_UNWRAP, resyncPeriodMs: 5000 } },
    interventions: [],
  },
  right: { source: { kind: 'lesson', id: 'tombstone', changes: { mistakes: NO_UNWRAP } }, interventions: [] },
  differs: { kind: 'setting', name: 'resyncPeriodMs' },
  align: 'time',
  steps: 60,
  check: {
    description: {
      en: 'Both sides drop the tombstone of Deployment alpha. Left: a Foo resync, OnUpdate for alpha, and the Deployment is created again. Right: no resync and no create.',
      zh: '两边都丢掉了 Deployment alpha 的墓碑对象。左边：Foo 重新同步，alpha 的 OnUpdate，Deployment 被重新创建。右边：没有重新同步，也没有创建。',
    },
    left: {
      type: 'sequence',
      matchers: [
        { message: 'deltafifo.tombstone', key: 'default/alpha' },
        { message: 'handler.tombstone-not-unwrapped', key: 'default/alpha' },
        { message: 'deltafifo.resync', lane: 'Foo' },
        { message: 'handler.OnUpdate', lane: 'Foo', key: 'default/alpha' },
        { message: 'workqueue.add', key: 'default/alpha' },
        {
          message: 'apiserver.write',
          lane: 'Deployment',
          key: 'default/alpha',
          params: { verb: 'create', code: 201 },
        },
      ],
    },
    right: {
      type: 'all',
      checks: [
        {
          type: 'sequence',
          matchers: [
            { message: 'deltafifo.tombstone', key: 'default/alpha' },
            { message: 'handler.tombstone-not-unwrapped', key: 'default/alpha' },
          ],
        },
        { type: 'count', match: { messagePrefix: 'deltafifo.resync' }, min: 0, max: 0 },
        {
          type: 'between',
          after: { message: 'handler.tombstone-not-unwrapped', key: 'default/alpha' },
          before: null,
          check: {
            type: 'count',
            match: { message: 'apiserver.write', lane: 'Deployment', key: 'default/alpha' },
            min: 0,
            max: 0,
          },
        },
      ],
    },
  },
};

export const COMPARISONS: readonly Comparison[] = [initialList, deepCopy, resyncAfterMissedDelete];
