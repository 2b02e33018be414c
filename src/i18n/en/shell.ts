/** English UI strings of the shell area (keys are prefixed with "shell."). */
export const shell: Readonly<Record<string, string>> = {
  'shell.theme': 'Theme',
  'shell.theme.hint': 'Colour theme',
  'shell.theme.light': 'Light',
  'shell.theme.dark': 'Dark',
  'shell.theme.system': 'System',
  'shell.language': 'Language',
  'shell.language.hint': 'Language of the page and the narration',
  'shell.fatal.title': 'The simulation stopped:',
  'shell.fatal.restart': 'Restart',
  'shell.error.title': 'Something went wrong:',
  'shell.error.dismiss': 'Dismiss',
  'shell.error.more': '…and {n} more',
  'shell.title': 'Informer Lab',
  'shell.loading': 'Loading the simulation…',
  'shell.scenario': 'Scenario: {title}',
  'shell.seed': 'seed {seed}',
  'shell.figure.label': 'The client-go controller figure',
  'shell.side.lesson': 'Lesson and narration',
  'shell.side.sandbox': 'Faults and narration',
  'shell.playback': 'Playback',
  'shell.figure.export': 'Export the figure',
  'shell.export.figure': 'Export figure',
  'shell.export.svg': 'Export figure as SVG',
  'shell.export.png': 'Export figure as PNG',
  'shell.export.yaml': 'Export scenario as YAML',
  'shell.panels': 'Inspectors',
  'shell.lane': 'Informer',
  'shell.lane.Foo': 'Foo informer',
  'shell.lane.Deployment': 'Deployment informer',
  'shell.tab.apiserver': 'API server',
  'shell.tab.reflector': 'Reflector',
  'shell.tab.fifo': 'DeltaFIFO',
  'shell.tab.indexer': 'Indexer',
  'shell.tab.handlers': 'Handlers',
  'shell.tab.workqueue': 'Workqueue',
  'shell.tab.workers': 'Workers',
  'shell.tab.log': 'Event log',
  'shell.tab.interventions': 'Interventions',
  'shell.history.loading': 'Loading the history of {key}…',
  // The era badge and switch (issue 12): the mode the run models, and a reload in the other one.
  'shell.era.badge.classic': 'classic · client-go 1.26 · kube-apiserver 1.26',
  'shell.era.badge.modern': 'modern · client-go 1.36 · kube-apiserver 1.36',
  'shell.era.title.classic':
    'Classic mode: client-go v0.26.15 with kube-apiserver 1.26 (DeltaFIFO, LIST then WATCH: the book’s figure). Click to switch modes.',
  'shell.era.title.modern':
    'Modern mode: client-go v0.36.3, every feature gate at its default, with kube-apiserver 1.36 (WatchList, RealFIFO, batched pops). Click to switch modes.',
  'shell.era.change': 'switch between classic and modern mode',
  'shell.era.panel': 'Classic or modern client-go',
  'shell.era.about.classic':
    'This run models client-go v0.26.15 against kube-apiserver 1.26: the classic DeltaFIFO, a LIST then a WATCH, as in the book’s figure.',
  'shell.era.about.modern':
    'This run models client-go v0.36.3 (every feature gate at its default) against kube-apiserver 1.36: the initial list as a watch-list stream, a RealFIFO with one entry per event, batched pops.',
  'shell.era.explain.classic':
    'Reload the same story (seed, settings, objects and script) in classic mode, from step 0.',
  'shell.era.explain.modern':
    'Reload the same story (seed, settings, objects and script) in modern mode, from step 0.',
  'shell.era.drops':
    'Your interventions ({count}) will be dropped: they were made at steps of this run, which the other mode does not have.',
  'shell.era.to.classic': 'Reload in classic mode',
  'shell.era.to.modern': 'Reload in modern mode',
  'shell.era.cancel': 'Cancel',
  'shell.era.close': 'Close',
  'shell.era.lesson.classic':
    'This lesson is written for classic mode and keeps it. Library scenarios and your own scenarios can be switched.',
  'shell.era.lesson.modern':
    'This lesson is written for modern mode and keeps it. Library scenarios and your own scenarios can be switched.',
  'shell.era.switched.classic': 'Reloaded in classic mode (client-go v0.26.15) at step 0.',
  'shell.era.switched.modern': 'Reloaded in modern mode (client-go v0.36.3) at step 0.',
  'shell.era.switched.classic.dropped':
    'Reloaded in classic mode (client-go v0.26.15) at step 0. Interventions dropped: {count}.',
  'shell.era.switched.modern.dropped':
    'Reloaded in modern mode (client-go v0.36.3) at step 0. Interventions dropped: {count}.',
  'shell.skipped': 'Fast-forward skipped {records} records over {steps} steps',
};
