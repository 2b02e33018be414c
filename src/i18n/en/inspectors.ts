/** English UI strings of the inspectors area (keys are prefixed with "inspectors."). */
export const inspectors: Readonly<Record<string, string>> = {};
