// The open-times picker, shared by the booking page and the manage page (reschedule): a month of days, the days
// with open times as buttons, then the chosen day's times as buttons named in full. It asks /api/slots for the
// month in view (from today to the booking horizon, counted from the server's now, never the browser's clock) in
// the zone shown, and announces loading, what it found and failures in a polite live region. The first query asks
// for a week only, so the first open times show at once; the rest of the month follows while they can be chosen
// (the calendar says it is still busy, and its days not yet known are named as loading, not as closed).
//
// mountSlotPicker(root, options) → { setZone(zone), setTherapist(id), refresh(keepChosen = true), chosen() }
// options: words, now (ISO instant), horizonDays, zone, locale, therapistId (null = any therapist),
//   onChoose(slot | null, byVisitor) — slot is { therapistId, start, end } as the API gives it; null when a chosen time
//     is gone after a reload; byVisitor is true when the visitor chose it, false when a reload found it again;
//   onStatus(state, count) — optional: 'loading', 'times', 'none' (no open time up to the horizon), 'failed';
//   headingLevel — optional, 3 unless said.
// words (the page's, placeholders in braces): loading, foundOne, foundOther ({count}, {month}), none,
//   noneInMonth ({month}), failed, retry, previousMonth, nextMonth, dayOne, dayOther ({date}, {count}),
//   dayNone ({date}), dayLoading ({date}), timesOn ({date}).

import { getJson } from './api.js';
import * as t from './times.js';

/** The widest range one /api/slots query may ask for, both ends included. */
const MAX_DAYS = 62;

/** How many days the first query asks for: a week answers quickly, and most weeks have an open time. */
const FIRST_DAYS = 7;

/** An element with attributes (on* are listeners) and children (strings become text, never HTML; null, undefined and false are left out). */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...children.filter(child => child != null && child !== false));
  return el;
}

const minDate = (a, b) => (a < b ? a : b);

/** A word with its {placeholders} filled in; one not given is left as it is. */
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);

export function mountSlotPicker(root, options) {
  const { words, horizonDays, locale } = options;
  const onChoose = options.onChoose || (() => {});
  const onStatus = options.onStatus || (() => {});
  const heading = `h${options.headingLevel || 3}`;
  const nowMs = Date.parse(options.now);
  let zone = options.zone;
  let therapistId = options.therapistId || null;

  // What is known for the current zone and therapist.
  let today, lastDay, coveredTo, byDate, month, chosenDate = null, chosenSlot = null;
  let generation = 0;
  // Queries run one after another, each from where the last ended.
  let queue = Promise.resolve(true);
  // The first week is asked for before the calendar is built, so the answer is on its way meanwhile.
  reset();
  let early = { url: slotsUrl(today, minDate(t.addDays(today, FIRST_DAYS - 1), lastDay)) };
  early.answer = getJson(early.url);

  const plural = new Intl.PluralRules(locale);
  const counted = (one, other, count, values) => fill(plural.select(count) === 'one' ? one : other, { count, ...values });

  const status = h('p', { class: 'picker-status', role: 'status', 'aria-live': 'polite' });
  const retry = h('button', { type: 'button', hidden: true, onclick: () => reload() }, words.retry);
  const monthHeading = h(heading, { class: 'picker-month-name', tabindex: '-1', id: `${root.id || 'picker'}-month` });
  const previous = h('button', { type: 'button', class: 'picker-nav', 'aria-label': words.previousMonth, onclick: () => show(t.addMonths(month, -1)) },
    h('span', { 'aria-hidden': 'true' }, '\u2039'));
  const next = h('button', { type: 'button', class: 'picker-nav', 'aria-label': words.nextMonth, onclick: () => show(t.addMonths(month, 1)) },
    h('span', { 'aria-hidden': 'true' }, '\u203A'));
  const first = t.firstDayOfWeek(locale);
  const days = h('tbody');
  const grid = h('table', { class: 'picker-days', 'aria-labelledby': monthHeading.id },
    h('thead', {}, h('tr', {}, ...t.weekdayNames(locale, first).map(name => h('th', { scope: 'col' },
      h('span', { 'aria-hidden': 'true' }, name.short), h('span', { class: 'visually-hidden' }, name.long))))),
    days);
  const calendar = h('div', { class: 'picker-calendar', hidden: true },
    h('div', { class: 'picker-head' }, previous, monthHeading, next), grid);
  const timesHeading = h(heading, { class: 'picker-times-heading' });
  const times = h('ul', { class: 'picker-times', role: 'list' });
  const timesBox = h('div', { class: 'picker-day', hidden: true }, timesHeading, times);
  root.replaceChildren(h('div', { class: 'picker' }, status, retry, calendar, timesBox));

  const say = (text, loading = false) => {
    status.textContent = text;
    status.classList.toggle('loading', loading);
  };

  function reset() {
    today = t.localDate(nowMs, zone);
    lastDay = t.localDate(nowMs + horizonDays * 86400000, zone);
    coveredTo = t.addDays(today, -1);
    byDate = new Map();
  }

  /** Fetches open times up to the given local date (at most the horizon), after any query already under way; false when it could not. */
  function cover(to, mine) {
    const run = queue.then(() => coverNow(to, mine));
    queue = run;
    return run;
  }

  async function coverNow(to, mine) {
    const until = minDate(to, lastDay);
    while (coveredTo < until) {
      if (mine !== generation) return false;
      const from = t.addDays(coveredTo, 1);
      const end = t.daysBetween(from, until) < MAX_DAYS ? until : t.addDays(from, MAX_DAYS - 1);
      const url = slotsUrl(from, end);
      const result = await (early?.url === url ? early.answer : getJson(url));
      early = null;
      if (mine !== generation) return false;
      if (result.status !== 200 || !result.body || !Array.isArray(result.body.slots)) return false;
      // With any therapist, one button per time: the first therapist open then takes it.
      const seen = new Set();
      for (const slot of result.body.slots) {
        const at = Date.parse(slot.start);
        if (seen.has(at)) continue;
        seen.add(at);
        const date = t.dateOf(slot.start);
        const list = byDate.get(date);
        if (list) list.push(slot);
        else byDate.set(date, [slot]);
      }
      coveredTo = end;
    }
    return true;
  }

  function slotsUrl(from, to) {
    const query = new URLSearchParams({ from, to, timeZone: zone });
    if (therapistId) query.set('therapistId', therapistId);
    return `/api/slots?${query}`;
  }

  const countIn = m => [...byDate.entries()].reduce((sum, [date, list]) => sum + (t.monthOf(date) === m ? list.length : 0), 0);

  function failed() {
    say(words.failed);
    retry.hidden = false;
    calendar.removeAttribute('aria-busy');
    onStatus('failed', 0);
  }

  /** Everything again, for the zone and therapist now set; a chosen time stays chosen while it is still open. */
  async function reload(keepChosen = true) {
    const mine = ++generation;
    const keep = keepChosen ? chosenSlot : null;
    chosenSlot = null;
    queue = Promise.resolve(true);
    reset();
    retry.hidden = true;
    calendar.hidden = true;
    timesBox.hidden = true;
    say(words.loading, true);
    onStatus('loading', 0);
    // Fetch on, a week first (or up to the day of the time to keep), until an open time is found or the horizon is reached.
    let found = false;
    const keepDay = keep ? t.localDate(Date.parse(keep.start), zone) : today;
    let to = t.addDays(today, FIRST_DAYS - 1);
    if (keepDay > to) to = keepDay;
    while (!found) {
      if (!(await cover(to, mine))) {
        if (mine === generation) failed();
        return;
      }
      to = t.addDays(coveredTo, MAX_DAYS);
      found = byDate.size > 0;
      if (coveredTo >= lastDay) break;
    }
    const again = keep && [...byDate.values()].flat().find(s => Date.parse(s.start) === Date.parse(keep.start)
      && (!therapistId || s.therapistId === keep.therapistId));
    chosenSlot = again || null;
    if (keep && !again) onChoose(null, false);
    else if (again) onChoose(again, false);
    const earliest = [...byDate.keys()].sort()[0];
    chosenDate = again ? t.dateOf(again.start) : earliest || null;
    calendar.hidden = false;
    if (!found) {
      month = t.monthOf(today);
      await show(month, mine);
      say(words.none);
      onStatus('none', 0);
      return;
    }
    await show(t.monthOf(chosenDate), mine);
  }

  /**
   * Shows a month, fetching what it still needs: when some of its open times are known already they are shown at
   * once and the rest of the month is filled in as it comes, the chosen day's times left as they are.
   */
  async function show(m, mine = generation) {
    const firstMonth = t.monthOf(today);
    const lastMonth = t.monthOf(lastDay);
    const shown = m < firstMonth ? firstMonth : m > lastMonth ? lastMonth : m;
    month = shown;
    const known = () => coveredTo >= t.lastOfMonth(shown) || coveredTo >= lastDay;
    if (!known()) {
      const early = countIn(shown) > 0;
      if (early) render();
      calendar.setAttribute('aria-busy', 'true');
      say(words.loading, true);
      onStatus('loading', 0);
      if (!(await cover(t.lastOfMonth(shown), mine))) {
        if (mine === generation) failed();
        return;
      }
      if (mine !== generation || month !== shown) return;
      calendar.removeAttribute('aria-busy');
      if (early) renderMonth();
      else render();
    } else {
      if (mine !== generation) return;
      calendar.removeAttribute('aria-busy');
      render();
    }
    const count = countIn(month);
    const monthWords = { month: t.monthName(month, locale) };
    if (byDate.size > 0) {
      say(count ? counted(words.foundOne, words.foundOther, count, monthWords) : fill(words.noneInMonth, monthWords));
      onStatus('times', count);
    }
  }

  function render() {
    if (!chosenDate || t.monthOf(chosenDate) !== month)
      chosenDate = [...byDate.keys()].filter(d => t.monthOf(d) === month).sort()[0] || null;
    renderMonth();
    renderTimes();
  }

  function renderMonth() {
    // A day keeps its focus when the month is drawn again with more of its days known.
    const focused = days.contains(document.activeElement) ? document.activeElement.dataset.date : null;
    monthHeading.textContent = t.monthName(month, locale);
    const atFirst = month <= t.monthOf(today);
    const atLast = month >= t.monthOf(lastDay);
    // A nav button about to be disabled gives its focus to the month's name, so focus is never lost.
    if ((atFirst && document.activeElement === previous) || (atLast && document.activeElement === next)) monthHeading.focus();
    previous.disabled = atFirst;
    next.disabled = atLast;

    const rows = [];
    let row = [];
    const start = t.firstOfMonth(month);
    for (let i = (t.weekday(start) - first + 7) % 7; i > 0; i--) row.push(h('td'));
    for (let date = start; t.monthOf(date) === month; date = t.addDays(date, 1)) {
      const list = byDate.get(date) || [];
      const name = t.dayName(date, zone, locale);
      const number = t.dayOfMonth(date, locale);
      const open = list.length > 0 && date >= today && date <= lastDay;
      const unknown = !open && date > coveredTo && date <= lastDay;
      row.push(h('td', { 'aria-current': date === today ? 'date' : false }, open
        ? h('button', {
          type: 'button', class: 'picker-date', 'data-date': date, 'aria-pressed': String(date === chosenDate),
          'aria-label': counted(words.dayOne, words.dayOther, list.length, { date: name }),
          onclick: () => chooseDay(date),
        }, number)
        : h('span', { class: 'picker-date unavailable' },
          h('span', { 'aria-hidden': 'true' }, number),
          h('span', { class: 'visually-hidden' }, fill(unknown ? words.dayLoading : words.dayNone, { date: name })))));
      if (row.length === 7) {
        rows.push(h('tr', {}, ...row));
        row = [];
      }
    }
    if (row.length) {
      while (row.length < 7) row.push(h('td'));
      rows.push(h('tr', {}, ...row));
    }
    days.replaceChildren(...rows);
    if (focused) days.querySelector(`button[data-date="${focused}"]`)?.focus();
  }

  function chooseDay(date) {
    chosenDate = date;
    for (const button of days.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.date === date));
    renderTimes();
    const count = (byDate.get(date) || []).length;
    say(counted(words.dayOne, words.dayOther, count, { date: t.dayName(date, zone, locale) }));
  }

  function renderTimes() {
    const list = chosenDate ? byDate.get(chosenDate) || [] : [];
    timesBox.hidden = list.length === 0;
    if (!list.length) return times.replaceChildren();
    timesHeading.textContent = fill(words.timesOn, { date: t.dayName(chosenDate, zone, locale) });
    times.replaceChildren(...list.map(slot => h('li', {}, h('button', {
      type: 'button', class: 'picker-time', 'data-start': slot.start,
      'aria-label': t.fullName(slot.start, zone, locale),
      'aria-pressed': String(isChosen(slot)),
      onclick: () => chooseTime(slot),
    }, t.timeOfDay(slot.start, zone, locale)))));
  }

  const isChosen = slot => !!chosenSlot && Date.parse(chosenSlot.start) === Date.parse(slot.start);

  function chooseTime(slot) {
    chosenSlot = slot;
    for (const button of times.querySelectorAll('button'))
      button.setAttribute('aria-pressed', String(Date.parse(button.dataset.start) === Date.parse(slot.start)));
    onChoose(slot, true);
  }

  reload();

  return {
    setZone(next) {
      zone = next;
      return reload();
    },
    setTherapist(id) {
      therapistId = id || null;
      return reload();
    },
    refresh: (keepChosen = true) => reload(keepChosen),
    chosen: () => chosenSlot,
  };
}
