/** English UI strings of the diagram area (keys are prefixed with "diagram."). */
export const diagram: Readonly<Record<string, string>> = {};
