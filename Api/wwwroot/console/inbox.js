// The open inbox keeps itself true: every data-poll-seconds it asks for its lists again (the same partial the page
// was rendered with), puts them in place, and says so in a polite live region when a request came, went or moved.
// The title and the navigation's count follow. A failed poll is tried again at the next tick; nothing is lost.

const inbox = document.getElementById('inbox');
const news = document.getElementById('inbox-news');
const seconds = Number(inbox.dataset.pollSeconds) || 20;
// The page names its own list's address: the same page of the past, and the same therapist's inbox.
const url = inbox.dataset.list;

async function poll() {
  try {
    const response = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' });
    // Signed out meanwhile (the session ended): the next navigation goes to the sign-in page.
    if (!response.ok || response.redirected) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('inbox-lists');
    const current = document.getElementById('inbox-lists');
    if (!next || !current) return;
    const changed = next.dataset.fingerprint !== current.dataset.fingerprint;
    // Keep focus where it was when the very element is in the new lists too.
    const focused = document.activeElement && current.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
    current.replaceWith(next);
    if (focused) next.querySelector(`a[href="${CSS.escape(focused)}"]`)?.focus();
    document.title = next.dataset.title;
    const count = Number(next.dataset.needsAction);
    const badge = document.getElementById('nav-count');
    // Another therapist's inbox carries no count: the navigation's stays the reader's own.
    if (badge && next.dataset.needsAction !== undefined) {
      badge.hidden = count === 0;
      badge.textContent = next.dataset.badge;
    }
    if (changed) news.textContent = inbox.dataset.news;
  } catch {
    // The network is gone for now; the next tick tries again.
  } finally {
    setTimeout(poll, seconds * 1000);
  }
}

setTimeout(poll, seconds * 1000);
