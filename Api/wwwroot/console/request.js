// A request's page in the console: each time dialog (confirm a callback, move a call, offer times) holds the
// shared picker over the therapist's own open times, in the therapist's zone. One time fills one hidden field;
// offering collects up to maxTimes, each with a button to remove it. The form itself posts to the page.

import { fill, h, mountSlotPicker } from '/shared/slot-picker.js';
import { fullName } from '/shared/times.js';

const words = JSON.parse(document.getElementById('request-words').textContent);
const locale = navigator.language || 'en-US';

for (const form of document.querySelectorAll('form[data-time-form]')) {
  const action = form.dataset.timeForm;
  const many = form.dataset.many === 'true';
  const send = form.querySelector('button[type=submit]');
  const shown = document.getElementById(`${action}-chosen`);
  const dialog = form.closest('dialog');
  let mounted = null;
  let current = null;
  const chosen = [];

  const name = slot => fullName(slot.start, words.zone, locale);
  const add = h('button', { type: 'button', hidden: true, onclick: () => addCurrent() }, words.addTime);

  function render() {
    if (!many) {
      shown.replaceChildren(h('p', { role: 'status' }, current ? fill(words.chosen, { time: name(current) }) : words.chosenNone),
        ...(current ? [h('input', { type: 'hidden', name: 'slotStart', value: current.start })] : []));
      send.disabled = !current;
      return;
    }
    const full = chosen.length >= words.maxTimes;
    add.hidden = !current || full || chosen.some(s => s.start === current.start);
    shown.replaceChildren(add, h('h3', {}, words.timesToOffer),
      chosen.length === 0
        ? h('p', { class: 'hint' }, words.noTimesToOffer)
        : h('ul', {}, ...chosen.map((slot, i) => h('li', {}, name(slot), ' ',
          h('input', { type: 'hidden', name: 'slotStarts', value: slot.start }),
          h('button', { type: 'button', class: 'link', onclick: () => remove(i) }, fill(words.removeTime, { time: name(slot) }))))));
    send.disabled = chosen.length === 0;
  }

  function addCurrent() {
    if (current && chosen.length < words.maxTimes && !chosen.some(s => s.start === current.start)) chosen.push(current);
    chosen.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    render();
    send.focus();
  }

  function remove(index) {
    chosen.splice(index, 1);
    render();
  }

  // The picker asks for open times only when its dialog is first opened.
  dialog.addEventListener('toggle', event => {
    if (event.newState !== 'open' || mounted) return;
    mounted = mountSlotPicker(document.getElementById(`${action}-picker`), {
      words: words.picker,
      now: words.now,
      horizonDays: words.horizonDays,
      zone: words.zone,
      locale,
      therapistId: words.therapistId,
      onChoose(slot) {
        current = slot;
        render();
      },
    });
    render();
  });
}
