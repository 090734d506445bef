import { z } from 'zod';

/** An absolute http(s) URL, as typed by a person (surrounding spaces allowed, trailing slash kept). */
export const httpUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter a URL')
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname.length > 0;
  }, 'Enter a full URL starting with http:// or https://');
export type HttpUrl = z.infer<typeof httpUrlSchema>;
