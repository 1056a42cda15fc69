// The pages' one way to the public JSON API, on Intake's own origin. Every HTTP answer comes back as
// { status, body } (body parsed when it is JSON, problem documents included); when no answer came at all
// (offline, connection refused or dropped) the result is { status: 0, network: true, body: null }.
// No cookie goes either way and no Referer leaves; a visitor's details only ever travel in a POST body.

async function send(url, init) {
  try {
    const response = await fetch(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const type = response.headers.get('content-type') || '';
    const text = await response.text();
    let body = text;
    if (type.includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    return { status: response.status, ok: response.ok, network: false, body };
  } catch {
    return { status: 0, ok: false, network: true, body: null };
  }
}

/** True when the request got no answer at all. */
export const isNetworkFailure = result => result.network === true;

export const getJson = url => send(url, { headers: { accept: 'application/json' } });

export const postJson = (url, body) => send(url, {
  method: 'POST',
  headers: { accept: 'application/json', 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
