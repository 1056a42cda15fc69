// The one date and time formatter on the browser side: Intl.DateTimeFormat with the zone always named.
// A local date is a string "YYYY-MM-DD"; a month is "YYYY-MM"; an instant is an ISO 8601 string with its offset.
// "Today" is never the browser's clock: pages pass the server's now (data-now) in.

const formats = new Map();

function format(locale, options) {
  const key = locale + JSON.stringify(options);
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

const pad = n => String(n).padStart(2, '0');

/** The local date of an instant in a zone: "2027-03-16". */
export function localDate(instant, zone) {
  const parts = {};
  for (const p of format('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', numberingSystem: 'latn' })
    .formatToParts(new Date(instant))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The local date an instant's own ISO string names ("2027-03-16T10:00:00-04:00" → "2027-03-16"). */
export const dateOf = iso => iso.slice(0, 10);

const utc = date => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
};
const write = d => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** A local date some days on (or back): addDays("2027-03-31", 1) → "2027-04-01". */
export function addDays(date, days) {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return write(d);
}

/** Whole days from one local date to another. */
export const daysBetween = (from, to) => Math.round((utc(to) - utc(from)) / 86400000);

/** The day of the week of a local date: 0 Sunday … 6 Saturday. */
export const weekday = date => utc(date).getUTCDay();

export const monthOf = date => date.slice(0, 7);

/** A month some months on: addMonths("2027-12", 1) → "2028-01". */
export function addMonths(month, months) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export const firstOfMonth = month => `${month}-01`;

export const lastOfMonth = month => addDays(firstOfMonth(addMonths(month, 1)), -1);

const zoneNames = new Map();

/** The zone's name as the locale says it, the same all year: "Eastern Time". */
export function zoneName(zone, locale) {
  const key = `${locale} ${zone}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    const part = format(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date()).find(p => p.type === 'timeZoneName');
    name = part ? part.value : zone;
    zoneNames.set(key, name);
  }
  return name;
}

/** What the page calls the zone: "Eastern Time (New York)". */
export function zoneLabel(zone, locale) {
  const city = zone.split('/').pop().replace(/_/g, ' ');
  const name = zoneName(zone, locale);
  return name === city ? name : `${name} (${city})`;
}

/** The time of day as the locale writes it: "10:00 AM" in en-US, "10:00" in en-GB. */
export const timeOfDay = (iso, zone, locale) =>
  format(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** A local date (or the local date of an instant in the zone) in full: "Tuesday, March 16, 2027". */
export function dayName(date, zone, locale) {
  const day = date.length > 10 ? localDate(date, zone) : date;
  return format(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utc(day));
}

/** Every time's accessible name, in full: "Tuesday, March 16, 2027, 10:00 AM Eastern Time". Never "16" or "30m". */
export const fullName = (iso, zone, locale) =>
  `${dayName(iso, zone, locale)}, ${timeOfDay(iso, zone, locale)} ${zoneName(zone, locale)}`;

/** "March 2027". */
export const monthName = (month, locale) =>
  format(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(utc(firstOfMonth(month)));

/** The day of the month as the locale writes it: "16". */
export const dayOfMonth = (date, locale) => format(locale, { timeZone: 'UTC', day: 'numeric' }).format(utc(date));

/** The locale's first day of the week: 0 Sunday … 6 Saturday (Sunday where the browser cannot say). */
export function firstDayOfWeek(locale) {
  try {
    const l = new Intl.Locale(locale);
    const info = l.getWeekInfo ? l.getWeekInfo() : l.weekInfo;
    if (info && info.firstDay) return info.firstDay % 7;
  } catch { /* an unknown locale: Sunday */ }
  return 0;
}

/** A weekday's names starting from the given day: [{ short: "Mon", long: "Monday" }, …]. */
export function weekdayNames(locale, first) {
  // 2027-03-07 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays('2027-03-07', (first + i) % 7);
    return {
      short: format(locale, { timeZone: 'UTC', weekday: 'short' }).format(utc(date)),
      long: format(locale, { timeZone: 'UTC', weekday: 'long' }).format(utc(date)),
    };
  });
}

/** The browser's own zone, or the fallback when it cannot say. */
export function browserZone(fallback) {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || fallback;
  } catch {
    return fallback;
  }
}

/** Every zone the browser knows, with the given ones included. */
export function knownZones(...extra) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set(zones);
  for (const zone of extra) if (zone) all.add(zone);
  return [...all].sort();
}
