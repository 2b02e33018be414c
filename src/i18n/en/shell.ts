/** English UI strings of the shell area (keys are prefixed with "shell."). */
export const shell: Readonly<Record<string, string>> = {
  'shell.theme': 'Theme',
  'shell.theme.hint': 'Colour theme',
  'shell.theme.light': 'Light',
  'shell.theme.dark': 'Dark',
  'shell.theme.system': 'System',
  'shell.fatal.title': 'The simulation stopped:',
  'shell.fatal.restart': 'Restart',
  'shell.error.title': 'Something went wrong:',
  'shell.error.dismiss': 'Dismiss',
  'shell.error.more': '…and {n} more',
};
