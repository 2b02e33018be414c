/** English UI strings of the controls area (keys are prefixed with "controls."). */
export const controls: Readonly<Record<string, string>> = {};
