/** Bundles `entry` into `outfile` (see bundle.mjs). */
export function bundle(entry: string, outfile: string): Promise<void>;
