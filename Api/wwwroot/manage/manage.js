// The manage page's script: shows where the prospect's request stands and offers what its status allows — cancel
// (after a confirmation step), move a confirmed call to another open time, accept one of the therapist's proposed
// times — through the public JSON API under /api/manage/{token}. The API decides every rule; this page only shows
// the controls a status can use and explains a refusal (409) in words before showing the request as it is now.
import { browserZone, fullName, knownZones, zoneLabel } from "/shared/times.js";
import { getJson, isNetworkFailure, postJson } from "/shared/api.js";
import { fill, h as el, mountSlotPicker } from "/shared/slot-picker.js";

const root = document.getElementById("manage");
const live = document.getElementById("manage-live");
const words = JSON.parse(document.getElementById("manage-words").textContent);
const api = root.dataset.api;
const phone = root.dataset.phone;
const horizonDays = Number(root.dataset.horizonDays);
const locale = navigator.language || "en-US";

// The server's clock, moved on by the time this page has been open: the visitor's own clock may be wrong.
const serverNow = Date.parse(root.dataset.now);
const openedAt = performance.now();
const now = () => new Date(serverNow + (performance.now() - openedAt));

let consultation = JSON.parse(document.getElementById("manage-consultation").textContent);
let busy = false;
let rescheduleOpen = false;
// The zone the reschedule picker shows times in: the prospect's own unless they choose another.
let pickerZone = null;

/** A word with its placeholders filled: {practice}, {phone}, {time}, {zone}. */
function say(text, values = {}) {
    return fill(text, { practice: consultation.practiceName, phone, ...values });
}

const zone = () => consultation.timeZone;
const when = (iso, inZone = zone()) => fullName(iso, inZone, locale);

// The JSON keys are camelCase, the statuses PascalCase ("NoShow" → "noShow").
function statusWords(c) {
    if (c.status === "Requested" && c.proposedSlots.length > 0) return words.status.timesOffered;
    const key = c.status.charAt(0).toLowerCase() + c.status.slice(1);
    return words.status[key] ?? { heading: c.status, body: "" };
}

const isOpen = (c) => ["Requested", "Pending", "Confirmed"].includes(c.status);
const hasStarted = (c) => c.slotStart !== null && now() >= new Date(c.slotStart);
const canCancel = (c) => isOpen(c) && !hasStarted(c);
const canReschedule = (c) => c.status === "Confirmed" && !hasStarted(c) && c.therapistId !== null;
const canAccept = (c) => c.status === "Requested" && c.proposedSlots.length > 0;
const isClosedForGood = (c) => ["Declined", "Cancelled", "Expired", "NoShow"].includes(c.status);

/** Says something in the live region; a problem is also given focus, so the visitor lands on it. */
function announce(text, { focus = false, problem = false } = {}) {
    live.textContent = text;
    live.classList.toggle("problem", problem);
    if (focus) live.focus();
}

function render() {
    const c = consultation;
    const status = statusWords(c);
    const sections = [
        el("section", { "aria-labelledby": "manage-status" },
            el("h2", { id: "manage-status", tabindex: "-1" }, say(status.heading)),
            status.body ? el("p", {}, say(status.body)) : null,
            c.slotStart ? el("p", { class: "when" }, el("span", { class: "label" }, words.timeLabel), " ", el("strong", {}, when(c.slotStart))) : null,
            el("p", { class: "hint" }, say(words.zoneNote, { zone: zoneLabel(zone(), locale) }))),
    ];
    if (canAccept(c)) sections.push(acceptSection(c));
    if (canReschedule(c)) sections.push(rescheduleSection(c));
    if (canCancel(c)) sections.push(cancelSection(c));
    if (isClosedForGood(c)) sections.push(el("p", {}, el("a", { href: "/book" }, words.bookAgain)));
    root.replaceChildren(...sections);
}

function acceptSection(c) {
    const form = el("form", { id: "manage-accept", novalidate: true },
        el("fieldset", {},
            el("legend", {}, words.acceptLegend),
            ...c.proposedSlots.map((slot, index) => {
                const id = `proposed-${index}`;
                return el("div", { class: "choice" },
                    el("input", { type: "radio", name: "slot", id, value: slot.start }),
                    el("label", { for: id }, when(slot.start)));
            })),
        el("button", { type: "submit", class: "primary" }, words.acceptButton));
    form.addEventListener("submit", (event) => {
        event.preventDefault();
        const chosen = form.querySelector("input[name=slot]:checked");
        if (!chosen) {
            announce(words.acceptChooseFirst, { problem: true });
            form.querySelector("input[name=slot]").focus();
            return;
        }
        change("accept", { slotStart: chosen.value }, words.accepting, say(words.acceptDone, { time: when(chosen.value) }));
    });
    return el("section", { "aria-label": words.acceptLegend }, form);
}

function rescheduleSection(c) {
    const picker = el("div", { id: "manage-picker" });
    const zones = el("select", { id: "manage-zone" });
    const question = el("p", { id: "manage-reschedule-question", class: "question", tabindex: "-1" });
    const yes = el("button", { type: "button", class: "primary" }, words.rescheduleConfirm);
    const keep = el("button", { type: "button" }, words.rescheduleKeep);
    const confirm = el("div", { class: "confirm", hidden: true }, question, el("div", { class: "actions" }, yes, keep));
    let chosen = null;
    let mounted = null;

    const toggle = el("button", { type: "button", "aria-expanded": String(rescheduleOpen), "aria-controls": "manage-reschedule-area" }, words.rescheduleButton);
    const area = el("div", { id: "manage-reschedule-area", hidden: !rescheduleOpen },
        el("p", { class: "hint" }, words.rescheduleHint),
        el("label", { for: "manage-zone" }, words.zoneSelect), zones,
        picker, confirm);

    const choose = (slot) => {
        chosen = slot;
        confirm.hidden = !slot;
        if (!slot) return;
        question.textContent = say(words.rescheduleQuestion, { time: when(slot.start, pickerZone ?? zone()) });
        question.focus();
    };
    // Made on the first open only: the picker asks for open times, and the zone list names some four hundred zones.
    const mount = () => {
        if (mounted) return;
        const shown = pickerZone ?? zone();
        zones.replaceChildren(...knownZones(zone(), browserZone(zone())).map((id) =>
            el("option", { value: id, selected: id === shown }, zoneLabel(id, locale))));
        mounted = mountSlotPicker(picker, {
            words: words.picker,
            now: now().toISOString(),
            horizonDays,
            zone: shown,
            locale,
            therapistId: c.therapistId,
            onChoose: choose,
        });
    };
    zones.addEventListener("change", () => {
        pickerZone = zones.value;
        choose(null);
        mounted?.setZone(pickerZone);
    });
    toggle.addEventListener("click", () => {
        rescheduleOpen = !rescheduleOpen;
        toggle.setAttribute("aria-expanded", String(rescheduleOpen));
        area.hidden = !rescheduleOpen;
        if (rescheduleOpen) mount();
    });
    yes.addEventListener("click", () => {
        if (chosen) change("reschedule", { slotStart: chosen.start }, words.rescheduling, say(words.rescheduleDone, { time: when(chosen.start) }));
    });
    keep.addEventListener("click", () => {
        choose(null);
        rescheduleOpen = false;
        toggle.setAttribute("aria-expanded", "false");
        area.hidden = true;
        toggle.focus();
    });
    if (rescheduleOpen) mount();
    return el("section", { "aria-labelledby": "manage-reschedule" },
        el("h2", { id: "manage-reschedule" }, words.rescheduleHeading), toggle, area);
}

function cancelSection(c) {
    const dialog = el("dialog", { id: "manage-cancel", "aria-labelledby": "manage-cancel-title", "aria-describedby": "manage-cancel-body" },
        el("h2", { id: "manage-cancel-title" }, words.cancelQuestion),
        el("p", { id: "manage-cancel-body" }, words.cancelBody),
        c.slotStart ? el("p", { class: "when" }, el("span", { class: "label" }, words.timeLabel), " ", el("strong", {}, when(c.slotStart))) : null,
        el("div", { class: "actions" },
            el("button", { type: "button", class: "primary danger", onclick: () => {
                dialog.close();
                change("cancel", null, words.cancelling, words.cancelDone);
            } }, words.cancelConfirm),
            el("button", { type: "button", autofocus: true, onclick: () => dialog.close() }, words.cancelKeep)));
    const open = el("button", { type: "button", class: "danger", "aria-haspopup": "dialog", onclick: () => {
        if (!busy) dialog.showModal();
    } }, words.cancelButton);
    return el("section", { "aria-label": words.cancelButton }, el("p", {}, open), dialog);
}

/** The refusal's rule in words (ConsultationRules' names; a taken time comes without a rule). */
function refusal(rule) {
    const refused = words.refused;
    switch (rule) {
        case "ChangedMeanwhile": return refused.changedMeanwhile;
        case "OnlyOpenRequestsCanBeCancelled": return refused.closed;
        case "CannotChangeAfterTheCallStarted": return refused.started;
        case "OnlyRequestedCanAcceptAProposedTime":
        case "ProposedTimeMustBeOneOffered": return refused.notOffered;
        case "OnlyConfirmedCanBeRescheduled": return refused.notConfirmed;
        case "NewTimeMustBeInTheFuture": return refused.past;
        case "RescheduleNeedsADifferentTime": return refused.sameTime;
        case undefined:
        case null: return refused.timeTaken;
        default: return refused.other;
    }
}

/** Reads the request again and shows it; false when that could not be done. */
async function reload() {
    const fresh = await getJson(api);
    if (fresh.status !== 200) return fresh;
    consultation = fresh.body;
    render();
    return fresh;
}

function linkGone() {
    consultation = { ...consultation, status: "Gone" };
    root.replaceChildren(el("section", { "aria-labelledby": "manage-status" },
        el("h2", { id: "manage-status", tabindex: "-1" }, say(words.invalidHeading)),
        el("p", {}, say(words.invalidBody))));
    announce(say(words.invalidHeading));
    document.getElementById("manage-status").focus();
}

/** Sends one change; says it is on its way, then what came of it, and moves focus to the result. */
async function change(action, body, pending, done) {
    if (busy) return;
    busy = true;
    root.setAttribute("aria-busy", "true");
    announce(say(pending));
    try {
        const result = await postJson(`${api}/${action}`, body ?? {});
        if (isNetworkFailure(result)) {
            announce(say(words.networkFailure), { focus: true, problem: true });
            return;
        }
        if (result.status === 200) {
            rescheduleOpen = false;
            const fresh = await reload();
            if (fresh.status !== 200) {
                consultation = { ...consultation, status: result.body.status };
                render();
            }
            announce(done);
            document.getElementById("manage-status").focus();
            return;
        }
        if (result.status === 404) {
            linkGone();
            return;
        }
        if (result.status === 409) {
            const explained = say(refusal(result.body?.rule));
            const fresh = await reload();
            if (fresh.status === 404) {
                linkGone();
                return;
            }
            announce(explained, { focus: true, problem: true });
            return;
        }
        announce(say(words.unexpected), { focus: true, problem: true });
    } finally {
        busy = false;
        root.removeAttribute("aria-busy");
    }
}

render();
