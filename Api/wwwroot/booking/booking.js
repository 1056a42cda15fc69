// The booking page: the visitor's zone, the open times (the shared picker), the form and what the API answers.
// Everything the visitor types leaves only in the POST body to /api/consultations; nothing is kept in the browser.

import { postJson, isNetworkFailure } from '/shared/api.js';
import { fill, mountSlotPicker } from '/shared/slot-picker.js';
import { browserZone, fullName, knownZones, zoneLabel } from '/shared/times.js';

const $ = id => document.getElementById(id);
const root = $('booking');
const words = JSON.parse($('booking-words').textContent);
const therapists = JSON.parse($('booking-therapists').textContent);
const locale = navigator.language || 'en-US';
const form = $('request');
const zoneSelect = $('zone');
const therapistSelect = $('therapist');

let zone = browserZone(root.dataset.defaultZone);
let chosen = null;
let sending = false;

root.hidden = false;

// The zone selector: the visitor's own zone at once, every other one after the times are shown.
const option = z => {
  const o = new Option(zoneLabel(z, locale), z);
  o.selected = z === zone;
  return o;
};
// Naming every zone takes a while: it is done in slices while the browser is idle once the times are shown, and
// finished at once when the visitor reaches the selector first.
let naming = null;
let zonesQueued = false;
let zonesListed = false;
function nameZones(deadline) {
  if (zonesListed) return;
  naming ??= { zones: knownZones(zone), next: 0, groups: new Map(), loose: [] };
  while (naming.next < naming.zones.length && (!deadline || deadline.timeRemaining() > 2)) {
    const z = naming.zones[naming.next++];
    const region = z.includes('/') ? z.slice(0, z.indexOf('/')) : null;
    if (!region) naming.loose.push(option(z));
    else {
      if (!naming.groups.has(region)) naming.groups.set(region, document.createElement('optgroup'));
      naming.groups.get(region).append(option(z));
    }
  }
  if (naming.next < naming.zones.length) {
    requestIdleCallback(nameZones);
    return;
  }
  for (const [region, group] of naming.groups) group.label = region.replace(/_/g, ' ');
  zoneSelect.replaceChildren(...naming.loose, ...naming.groups.values());
  zoneSelect.value = zone;
  zonesListed = true;
}

const showZone = () => {
  $('zone-shown').textContent = fill(words.zoneShown, { zone: zoneLabel(zone, locale) });
};

function showChosen() {
  const therapist = chosen && therapists.length > 1 ? therapists.find(t => t.id === chosen.therapistId) : null;
  $('chosen').textContent = !chosen
    ? words.noTimeChosen
    : therapist
      ? fill(words.timeChosenWith, { time: fullName(chosen.start, zone, locale), therapist: therapist.name })
      : fill(words.timeChosen, { time: fullName(chosen.start, zone, locale) });
}

// The times are asked for first; the page's own words about the zone follow while they load.
const picker = mountSlotPicker($('picker'), {
  words: words.picker,
  now: root.dataset.now,
  horizonDays: Number(root.dataset.horizonDays),
  zone,
  locale,
  therapistId: null,
  onChoose(slot, byVisitor) {
    chosen = slot;
    showChosen();
    if (slot) clearProblem('slotStart');
    // After choosing, the form is next: focus goes to what says which time it holds.
    if (slot && byVisitor) $('chosen').focus();
  },
  onStatus(state) {
    $('no-times').hidden = state !== 'none';
    if (!zonesQueued && state !== 'loading') {
      zonesQueued = true;
      requestIdleCallback(nameZones);
    }
  },
});

zoneSelect.append(option(zone));
showZone();
zoneSelect.addEventListener('focus', () => nameZones(null));
zoneSelect.addEventListener('pointerdown', () => nameZones(null));

zoneSelect.addEventListener('change', () => {
  zone = zoneSelect.value;
  showZone();
  showChosen();
  clearProblem('timeZone');
  picker.setZone(zone);
});
therapistSelect?.addEventListener('change', () => picker.setTherapist(therapistSelect.value || null));

$('no-times-link').addEventListener('click', event => {
  event.preventDefault();
  $('name').focus();
});

// Problems: each next to its field (aria-invalid, aria-describedby), listed in a summary whose links lead to them.
const fields = {
  name: ['name'], phone: ['phone', 'phone-hint'], email: ['email'],
  preferredChannel: ['preferredChannel', 'channel-hint'], smsConsent: ['smsConsent'], message: ['message', 'message-hint'],
  timeZone: ['zone'], slotStart: ['chosen'], therapistId: ['chosen'],
};
const errorOf = field => (field === 'timeZone' ? $('zone-error') : field === 'therapistId' ? $('chosen-error') : $(`${field}-error`) || $(`${fields[field]?.[0]}-error`));
const controlOf = field => fields[field] && $(fields[field][0]);
const focusable = control => (control.id === 'preferredChannel' ? control.querySelector('input:checked') || control.querySelector('input') : control);

function clearProblem(field) {
  const control = controlOf(field);
  const error = errorOf(field);
  for (const item of $('problem-list').querySelectorAll(`[data-field="${field}"]`)) item.remove();
  if (!$('problem-list').children.length) $('problems').hidden = true;
  if (!control || !error || error.hidden) return;
  error.hidden = true;
  error.textContent = '';
  control.removeAttribute('aria-invalid');
  const hint = fields[field][1];
  if (hint) control.setAttribute('aria-describedby', hint);
  else control.removeAttribute('aria-describedby');
}

function clearProblems() {
  for (const field of Object.keys(fields)) clearProblem(field);
  $('problems').hidden = true;
  $('problem-list').replaceChildren();
  $('send-problem').hidden = true;
}

/** Shows { field: [messages] }; the first field with a problem gets the focus. */
function showProblems(errors) {
  clearProblems();
  const order = Object.keys(fields);
  const keys = Object.keys(errors).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const items = [];
  let first = null;
  for (const field of keys) {
    const text = [].concat(errors[field]).join(' ');
    const control = controlOf(field);
    const error = errorOf(field);
    const item = document.createElement('li');
    item.dataset.field = field;
    if (control && error) {
      if (!error.hidden) error.textContent += ` ${text}`;
      else error.textContent = text;
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [fields[field][1], error.id].filter(Boolean).join(' '));
      const link = document.createElement('a');
      link.href = `#${focusable(control).id || control.id}`;
      link.textContent = text;
      link.addEventListener('click', event => {
        event.preventDefault();
        focusable(control).focus();
      });
      item.append(link);
      first ||= control;
    } else {
      item.textContent = text;
    }
    items.push(item);
  }
  $('problem-list').replaceChildren(...items);
  $('problems').hidden = false;
  (first ? focusable(first) : $('problems')).focus();
}

function sendProblem(text) {
  $('send-problem').textContent = text;
  $('send-problem').hidden = false;
}

async function send(withTime) {
  if (sending) return;
  if (withTime && !chosen) {
    showProblems({ slotStart: [words.chooseATime] });
    return;
  }
  sending = true;
  $('send-status').textContent = words.sending;
  const slot = withTime ? chosen : null;
  const value = name => form.elements[name].value;
  const result = await postJson('/api/consultations', {
    name: value('name'),
    phone: value('phone'),
    email: value('email'),
    preferredChannel: value('preferredChannel'),
    smsConsent: form.elements.smsConsent.checked,
    timeZone: zone,
    message: value('message'),
    slotStart: slot ? slot.start : null,
    therapistId: slot ? slot.therapistId : null,
  });
  sending = false;
  $('send-status').textContent = '';

  if (result.status === 201) return done(slot, result.body);
  if (isNetworkFailure(result)) {
    clearProblems();
    return sendProblem(words.networkFailed);
  }
  if (result.status === 409) {
    chosen = null;
    showChosen();
    showProblems({ slotStart: [words.notOpen] });
    // The API refused that time: it is not offered again as chosen, even where a fresh list still holds it.
    return picker.refresh(false);
  }
  if (result.status === 400 && result.body && result.body.errors) return showProblems(result.body.errors);
  clearProblems();
  sendProblem(result.status === 413 ? words.tooLarge : words.serverFailed);
}

form.addEventListener('submit', event => {
  event.preventDefault();
  send(true);
});
$('callback').addEventListener('click', () => send(false));

function done(slot) {
  const channel = form.elements.preferredChannel.value === 'sms' && form.elements.smsConsent.checked
    ? words.channelNameSms
    : words.channelNameEmail;
  $('done-heading').textContent = slot ? words.heldHeading : words.callbackHeading;
  $('done-time').textContent = slot ? fill(words.heldTime, { time: fullName(slot.start, zone, locale) }) : words.callbackNext;
  $('done-acknowledged').textContent = fill(words.acknowledged, { channel });
  $('done-confirmation').textContent = fill(words.confirmation, { channel });
  // What was typed is gone from the page once it is sent.
  form.reset();
  $('times').hidden = true;
  form.hidden = true;
  $('done').hidden = false;
  $('done-heading').focus();
}
