/** English UI strings of the shell area (keys are prefixed with "shell."). */
export const shell: Readonly<Record<string, string>> = {};
