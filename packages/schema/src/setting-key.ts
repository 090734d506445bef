import { z } from 'zod/mini';

/**
 * A setting's key. Open rather than a closed list, so a setting added by a newer app version syncs
 * through an older one untouched (the older one simply never reads it).
 */
export const settingKeySchema = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'Expected a setting key'));
