import { z } from 'zod/mini';

/** An absolute http(s) URL, as typed by a person (surrounding spaces allowed and removed). */
export const httpUrlSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter a URL'),
  z.refine((value) => {
    if (!URL.canParse(value)) return false;
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname.length > 0;
  }, 'Enter a full URL starting with http:// or https://'),
);
export type HttpUrl = z.infer<typeof httpUrlSchema>;
