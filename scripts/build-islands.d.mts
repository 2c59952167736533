/** scripts/build-islands.mjs: bundles the end-user pages' islands into public/islands/. */
export function buildIslands(options?: { dev?: boolean; watch?: boolean }): Promise<void>;
