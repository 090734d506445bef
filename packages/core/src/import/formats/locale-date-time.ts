/** A date and time read from text written by `Date.prototype.toLocaleString()` in some locale. */
export interface LocaleDateTime {
  /** The wall-clock fields as if they were UTC: the same on every device, whatever its time zone. */
  wallMs: number;
  /** The same fields in this device's time zone: the instant, if the file was written in this zone. */
  localMs: number;
}

const afternoon = /pm|p\.\s?m\.|下午|오후|午後|晚上/i;
const morning = /am|a\.\s?m\.|上午|오전|午前|凌晨|早上/i;

/**
 * NextChat stamps each message with `new Date().toLocaleString()`, so the text depends on the writer's
 * locale: "5/10/2024, 2:22:33 PM" (en-US), "2024/5/10 14:22:33" (zh-CN, ja-JP), "10.5.2024, 14:22:33"
 * (de-DE), "10/05/2024 14:22:33" (en-GB, fr-FR), "2024. 5. 10. 오후 2:22:33" (ko-KR). Reads the
 * number groups in the order such locales write them; null when the text is none of these.
 */
export function parseLocaleDateTime(text: string): LocaleDateTime | null {
  const iso = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isFinite(iso)) return { wallMs: iso, localMs: iso };
  const groups = text.match(/\d+/g)?.map(Number) ?? [];
  if (groups.length < 3) return null;
  const [a = 0, b = 0, c = 0, hour = 0, minute = 0, second = 0] = groups;
  const firstIsYear = (text.match(/\d+/)?.[0].length ?? 0) === 4;
  let year: number;
  let month: number;
  let day: number;
  if (firstIsYear) [year, month, day] = [a, b, c];
  else if (afternoon.test(text) || morning.test(text) || b > 12)
    [month, day, year] = [a, b, c]; // en-US
  else [day, month, year] = [a, b, c];
  if (year < 100) year += 2000;
  let hours = hour;
  if (afternoon.test(text) && hours < 12) hours += 12;
  else if (morning.test(text) && hours === 12) hours = 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minute > 59 || second > 60) return null;
  const wallMs = Date.UTC(year, month - 1, day, hours, minute, second);
  const localMs = new Date(year, month - 1, day, hours, minute, second).getTime();
  return Number.isFinite(wallMs) && wallMs >= 0 ? { wallMs, localMs: Math.max(0, localMs) } : null;
}
