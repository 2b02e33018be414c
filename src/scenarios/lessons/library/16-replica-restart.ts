/** Lesson 16: HA: a replica restart touches only the clients connected to it (S38, S39c, S39d, S33, S36, R11, R14). */
export const yaml = `apiVersion: informer-lab/v1
kind: Lesson
metadata:
  id: replica-restart
  number: 16
  title:
    en: 'Two API server replicas: a restart touches only the clients on it'
    zh: 两个 APIServer 实例：重启只影响连在它上面的客户端
  summary:
    en: >-
      A production control plane runs several kube-apiserver replicas behind one load balancer, each with
      its own watch caches. A controller's requests ride one HTTP/2 connection, so they all go to one
      replica. When another replica restarts, the controller notices nothing. When its own replica
      restarts, its watches end and it reconnects through the load balancer; landing back on the restarted
      replica, it meets new caches that start after its resourceVersions: 410, and a relist.
    zh: >-
      生产环境的控制平面在一个负载均衡器后面运行多个 kube-apiserver 实例，每个实例都有自己的 watch 缓存。
      控制器的请求都走同一个 HTTP/2 连接，所以全部到达同一个实例。别的实例重启时，控制器什么也察觉不到；
      它自己所在的实例重启时，它的 watch 结束，它通过负载均衡器重新连接；如果又落到刚重启的实例上，
      它遇到的是从它的资源版本之后才开始的新缓存：410，然后重新列举。
rules: [S38, S39, S33, S36, S18, R11, R14]
steps: 86
seed: 43
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
  - { at: 1s, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "1" } }
  - { at: 1500ms, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: web } }
  - { at: 2500ms, action: restartApiServer, replica: B, downtime: 1s, cacheInit: 300ms }
  - { at: 5s, action: patch, target: { kind: Deployment, name: logs }, labels: { rev: "2" } }
  - { at: 5500ms, action: patch, target: { kind: Foo, name: alpha }, labels: { tier: api } }
  - { at: 7s, action: restartApiServer, replica: A, downtime: 1s, cacheInit: 300ms }
narration:
  - when: { message: apiserver.connect }
    text:
      en: >-
        Two kube-apiserver replicas, A and B, share one etcd, so resourceVersions mean the same on both, but
        each has its own watch caches. sample-controller's two clientsets come from one rest.Config, so
        client-go gives them one transport and one HTTP/2 connection. The load balancer put it on replica
        {replica}: every LIST, WATCH and write of the controller goes there (S38).
      zh: >-
        两个 kube-apiserver 实例 A 和 B 共用一个 etcd，所以资源版本在两边含义相同，但每个实例都有自己的
        watch 缓存。sample-controller 的两个 clientset 来自同一个 rest.Config，所以 client-go 给它们
        同一个传输层、同一个 HTTP/2 连接。负载均衡器把它放在了实例 {replica} 上：控制器的每个 LIST、
        WATCH 和写请求都到那里（S38）。
  - when: { message: fault.restart-replica, params: { replica: B } }
    text:
      en: >-
        Replica B restarts (a rolling upgrade, a node drain). The watches it served end and the connections
        on it break: here none ({connections}), because the controller is on A.
      zh: >-
        实例 B 重启了（滚动升级、节点排空）。它提供的 watch 结束，连在它上面的连接断开：这里一个也没有
        （{connections}），因为控制器在 A 上。
  - when: { message: apiserver.replica-started, params: { replica: B } }
    text:
      en: >-
        B is back with new watch caches, listed from etcd at revision {listRv}. Its caches remember nothing
        before that; a client that came to B with an older resourceVersion would get 410. The controller
        on A is not such a client: nothing happened to it.
      zh: >-
        B 回来了，带着从 etcd 修订版本 {listRv} 列举出来的新 watch 缓存。它的缓存不记得此前的任何事；
        带着更旧资源版本来到 B 的客户端会得到 410。控制器在 A 上，不是这样的客户端：它什么事都没有。
  - when: { message: reflector.event, lane: Foo }
    after: { message: apiserver.replica-started, params: { replica: B } }
    text:
      en: >-
        A user changes alpha again; its event still reaches the Foo informer over the same watch on A,
        now at resourceVersion {rv}, newer than B's new caches.
      zh: >-
        用户再次修改 alpha；它的事件仍然通过 A 上同一个 watch 到达 Foo 的 Informer，现在的资源版本是
        {rv}，比 B 的新缓存更新。
  - when: { message: fault.restart-replica, params: { replica: A } }
    text:
      en: >-
        Now replica A restarts, the one the controller is on. Its connection breaks ({connections}) and the
        watches A served end ({watchIds}).
      zh: >-
        现在实例 A 重启了，正是控制器所在的那个。它的连接断开（{connections}），A 提供的 watch 结束
        （{watchIds}）。
  - when: { message: reflector.watch-closed, lane: Foo }
    after: { message: fault.restart-replica, params: { replica: A } }
    text:
      en: >-
        To the Reflector a broken connection is a clean close: it watches again at once from "{rv}" (R11),
        keeping its cache. The request needs a new connection.
      zh: >-
        在 Reflector 看来，断开的连接就是正常关闭：它立即从 "{rv}" 重新 watch（R11），保留本地缓存。
        这个请求需要一个新连接。
  - when: { message: reflector.watch-refused }
    after: { message: fault.restart-replica, params: { replica: A } }
    text:
      en: >-
        The load balancer does not know yet that A is down (its health checks are slower than a short
        restart), so it sent the new connection to A: refused. The Reflector backs off {delayMs} ms and
        tries the watch again, still without a relist (R14).
      zh: >-
        负载均衡器还不知道 A 已经停了（它的健康检查比一次短暂的重启慢），所以把新连接送到了 A：被拒绝。
        Reflector 退避 {delayMs} 毫秒后再次尝试 watch，仍然不重新列举（R14）。
  - when: { message: apiserver.connect }
    after: { message: fault.restart-replica, params: { replica: A } }
    text:
      en: >-
        A new connection, and the load balancer puts it on replica {replica}: A, back from its restart.
        Its caches are still listing etcd; the watch waits until they are ready (S33; a 1.26 server blocks,
        a 1.36 one would answer 429 with Retry-After).
      zh: >-
        新的连接，负载均衡器把它放在实例 {replica} 上：刚重启回来的 A。它的缓存还在列举 etcd；
        watch 一直等到缓存就绪（S33；1.26 的服务器会阻塞，1.36 的服务器会以 429 加 Retry-After 应答）。
  - when: { message: reflector.watch-error, lane: Foo }
    text:
      en: >-
        {code} {reason}. A's new Foo cache starts after the Foo informer's resourceVersion, so it cannot
        replay from there (S39c, S36). The Reflector backs off and will relist (R13).
      zh: >-
        {code} {reason}。A 的新 Foo 缓存从 Foo Informer 的资源版本之后才开始，无法从那里重放
        （S39c、S36）。Reflector 退避，之后会重新列举（R13）。
  - when: { message: reflector.replace, lane: Foo, params: { relist: true } }
    text:
      en: >-
        The relist at the last resourceVersion is served at once by A's new cache; Replace at "{rv}".
        Had the load balancer put the connection on B instead, whose cache covers that resourceVersion,
        the watch would simply have gone on there (S39a): only a client that meets a cache younger than
        its resourceVersion relists.
      zh: >-
        以最后的资源版本重新列举，由 A 的新缓存立即回答；在 "{rv}" 上 Replace。如果负载均衡器把连接
        放到了 B 上，而 B 的缓存覆盖这个资源版本，watch 就会直接在那里继续（S39a）：只有遇到比自己的
        资源版本更年轻的缓存的客户端才会重新列举。
pauses:
  - id: other-restarts
    before: { message: fault.restart-replica, params: { replica: B } }
    question:
      en: >-
        Replica B is about to restart. The controller's connection, and so both of its watches, are on
        replica A. What happens to the controller?
      zh: >-
        实例 B 即将重启。控制器的连接，以及它的两个 watch，都在实例 A 上。控制器会怎样？
    choices:
      - id: nothing
        text:
          en: Nothing; its watches on A keep delivering events
          zh: 什么也不会发生；它在 A 上的 watch 继续送来事件
        check:
          all:
            - { count: { match: { message: reflector.watch-closed }, max: 0 } }
            - { count: { match: { message: reflector.event }, min: 1 } }
      - id: relist
        text:
          en: Its watches end and both informers relist
          zh: 它的 watch 结束，两个 Informer 都重新列举
        check: { count: { match: { message: reflector.watch-closed }, min: 1 } }
      - id: gone
        text:
          en: Both watches get 410 from B's new caches
          zh: 两个 watch 都从 B 的新缓存收到 410
        check: { count: { match: { message: reflector.watch-error }, min: 1 } }
    answer: nothing
    explanation:
      en: >-
        A restart ends only the watches and connections on that replica. The controller talks to A alone,
        so B's restart is invisible to it (S38).
      zh: >-
        重启只会结束那个实例上的 watch 和连接。控制器只和 A 通信，所以 B 的重启对它来说是看不见的（S38）。
    reveal: { messagePrefix: fault.restart }
    within: 10
  - id: back-on-a
    before: { message: apiserver.watch, lane: Foo, params: { outcome: too-old } }
    question:
      en: >-
        The Foo Reflector's watch from its last resourceVersion went back to replica A, whose new Foo cache
        starts at a later revision. When that cache is ready, what does A answer?
      zh: >-
        Foo 的 Reflector 从它最后的资源版本发起的 watch 又回到了实例 A，而 A 的新 Foo 缓存从更晚的修订号开始。
        缓存就绪时，A 会怎样回答？
    choices:
      - id: open
        text:
          en: The watch opens; nothing needs to be replayed
          zh: watch 正常打开；没有需要重放的
        check:
          count:
            match: { message: apiserver.watch, lane: Foo, params: { outcome: open, replica: A } }
            min: 1
      - id: gone
        text:
          en: 'One ERROR event: 410 Gone, "too old resource version"'
          zh: 一个 ERROR 事件：410 Gone，"too old resource version"
        check: { count: { match: { message: reflector.watch-error, lane: Foo, params: { code: 410 } }, min: 1 } }
      - id: refused
        text:
          en: The connection is refused again
          zh: 连接再次被拒绝
        check: { count: { match: { message: reflector.watch-refused, lane: Foo }, min: 1 } }
    answer: gone
    explanation:
      en: >-
        The new cache's oldest servable revision is its list revision + 1, after the Foo informer's
        resourceVersion, so the watch is too old (S18, S39c). The same request on B would have opened: B's
        cache, though also new, started before the user's last change.
      zh: >-
        新缓存能提供的最旧修订号是它的列举修订号 + 1，晚于 Foo Informer 的资源版本，所以这个 watch 太旧了
        （S18、S39c）。同样的请求到了 B 上就会正常打开：B 的缓存虽然也是新的，但它开始于用户最后一次修改之前。
    reveal: { messagePrefix: reflector.watch, lane: Foo }
    within: 6
goal:
  description:
    en: >-
      B's restart ends none of the controller's watches; A's restart breaks its connection, it reconnects
      to A, gets 410 from A's new Foo cache and relists; the Deployment informer relists too.
    zh: >-
      B 的重启没有结束控制器的任何 watch；A 的重启断开了它的连接，它重新连到 A，从 A 的新 Foo 缓存得到
      410 并重新列举；Deployment 的 Informer 也重新列举了。
  check:
    all:
      - absentBetween:
          absent: { message: reflector.watch-closed }
          after: { message: fault.restart-replica, params: { replica: B } }
          before: { message: fault.restart-replica, params: { replica: A } }
      - absentBetween:
          absent: { message: reflector.list }
          after: { message: fault.restart-replica, params: { replica: B } }
          before: { message: fault.restart-replica, params: { replica: A } }
      - sequence:
          - { message: fault.restart-replica, params: { replica: A, connections: 1 } }
          - { message: reflector.watch-closed, lane: Foo }
          - { message: apiserver.connect, params: { replica: A } }
          - { message: apiserver.watch, lane: Foo, params: { outcome: too-old, replica: A } }
          - { message: reflector.watch-error, lane: Foo, params: { code: 410 } }
          - { message: reflector.list, lane: Foo, params: { relist: true, limit: 0 } }
          - { message: reflector.replace, lane: Foo, params: { relist: true } }
      - { count: { match: { message: reflector.replace, lane: Deployment, params: { relist: true } }, min: 1 } }
`;
