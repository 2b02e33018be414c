// Globals that exist identically in Node and in Web Workers, declared for the engine's
// ES-only compilation (tsconfig.engine.json has no DOM lib, so DOM APIs fail to compile there).
declare function structuredClone<T>(value: T): T;
