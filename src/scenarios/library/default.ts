/**
 * The default scenario: the sample-controller story with the classic settings and no fault. Three Foos
 * exist before the controllers start; between 2 s and 20 s a user creates two more, changes replicas
 * and deletes one, so the controller always has something to reconcile (C4, C5; deleting a Foo shows
 * C6: no Foo handler fires, the garbage collector removes the Deployment).
 */
export const yaml = `# Informer Lab scenario; the format is described in docs/SCENARIOS.md
apiVersion: informer-lab/v1
kind: Scenario
metadata:
  name: default
  title: The sample-controller at work
  description: >-
    Three Foos exist when the controller starts. Watch the Foo and Deployment informers list them,
    the handlers enqueue their keys and the two workers create one Deployment per Foo. Then a user
    creates two more Foos, scales some, deletes two Deployments (the controller recreates them) and
    one Foo (the garbage collector removes its Deployment). Rollouts make replicas ready one by one, so
    events come in bursts: watch for a stale lister answered by 409 Conflict or AlreadyExists, a key
    re-added while a worker holds it, and a handler whose lister is already ahead. Every 30 s the
    informers resync and each Foo is reconciled once more.
seed: 42
# No settings: the classic defaults (resync 30s, 2 workers, DefaultControllerRateLimiter, ...).
objects:
  - apiVersion: samplecontroller.k8s.io/v1alpha1
    kind: Foo
    metadata: { namespace: default, name: example-foo, labels: { app: example } }
    spec: { deploymentName: example-foo, replicas: 1 }
  - apiVersion: samplecontroller.k8s.io/v1alpha1
    kind: Foo
    metadata: { namespace: default, name: frontend, labels: { app: shop, tier: frontend } }
    spec: { deploymentName: frontend, replicas: 2 }
  - apiVersion: samplecontroller.k8s.io/v1alpha1
    kind: Foo
    metadata: { namespace: default, name: backend, labels: { app: shop, tier: backend } }
    spec: { deploymentName: backend, replicas: 3 }
script:
  - at: 2s
    action: create
    object:
      apiVersion: samplecontroller.k8s.io/v1alpha1
      kind: Foo
      metadata: { namespace: default, name: cache, labels: { app: shop, tier: cache } }
      spec: { deploymentName: cache, replicas: 1 }
  - { at: 4s, action: update, target: { kind: Foo, namespace: default, name: example-foo }, spec: { replicas: 4 } }
  - at: 6s
    action: create
    object:
      apiVersion: samplecontroller.k8s.io/v1alpha1
      kind: Foo
      metadata: { namespace: default, name: worker, labels: { app: shop, tier: worker } }
      spec: { deploymentName: worker, replicas: 2 }
  - { at: 9s, action: update, target: { kind: Foo, namespace: default, name: frontend }, spec: { replicas: 5 } }
  - { at: 12s, action: delete, target: { kind: Deployment, namespace: default, name: worker } }
  - { at: 15s, action: delete, target: { kind: Foo, namespace: default, name: backend } }
  - { at: 18s, action: update, target: { kind: Foo, namespace: default, name: cache }, spec: { replicas: 6 } }
  - { at: 21s, action: update, target: { kind: Foo, namespace: default, name: worker }, spec: { replicas: 1 } }
  - { at: 24s, action: delete, target: { kind: Deployment, namespace: default, name: cache } }
  - { at: 27s, action: update, target: { kind: Foo, namespace: default, name: example-foo }, spec: { replicas: 2 } }
  - { at: 31s, action: update, target: { kind: Foo, namespace: default, name: frontend }, spec: { replicas: 8 } }
`;
