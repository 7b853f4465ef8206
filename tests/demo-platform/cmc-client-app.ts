import { demoPageHead } from './demo-page-style.ts'
import { htmlAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'

/** The pages' addresses, written into the page's script as JSON (with `<` escaped so no text closes the script). */
function pageAddresses(context: RequestContext): string {
  const { authPageUrl, origin } = context.platform.config
  const addresses = {
    accept: new URL('cmc-accept', authPageUrl).href,
    scopeUpdate: new URL('cmc-scope-update', authPageUrl).href,
    pryvApi: `${origin}/`,
  }
  return JSON.stringify(addresses).replace(/</g, '\\u003c')
}

/**
 * A requester app using CMC, as a newcomer or a test would use one: it
 * publishes an offer as `demo-study` (through the control API), opens our
 * accept page in a popup or by redirect, asks for a wider scope and opens our
 * scope-update page likewise, then shows what came back: the message with
 * its origin, or the result in the return URL. Everything is shown as text;
 * an endpoint carrying a token is only said to be there.
 */
const page = (addresses: string) => `${demoPageHead('Demo CMC client')}
<body>
<main>
  <h1>Demo CMC client</h1>
  <p>This page plays a study (the <code>demo-study</code> account) inviting a person to share data with CMC, then asking for a wider scope.</p>
  <form id="offer-form">
    <h2>1. Invite</h2>
    <label for="offer-kind">Offer</label>
    <select id="offer-kind" name="offerKind">
      <option value="single-use">Single-use link, all or nothing (health: read)</option>
      <option value="choice">Single-use link, the person chooses (health mandatory, diary optional)</option>
      <option value="open-link">Open link, anyone may accept once (health: read)</option>
    </select>
    <label for="pryv-api">The person's platform (pryvApi)</label>
    <input id="pryv-api" name="pryvApi" type="url" autocomplete="off" required>
    <button id="accept-popup" type="submit" name="mode" value="popup">Open the accept page in a popup</button>
    <button id="accept-redirect" type="submit" name="mode" value="redirect">Go to the accept page (redirect)</button>
  </form>
  <form id="scope-form">
    <h2>2. Ask for a wider scope</h2>
    <p>After an accept: the study asks for health and diary, read.</p>
    <label for="recipient">The person's username</label>
    <input id="recipient" name="recipient" value="demo-user" autocomplete="off" required>
    <button id="scope-popup" type="submit" name="mode" value="popup">Open the scope-update page in a popup</button>
    <button id="scope-redirect" type="submit" name="mode" value="redirect">Go to the scope-update page (redirect)</button>
  </form>
  <p id="progress" role="status"></p>
  <section id="returned" hidden>
    <h2>What came back</h2>
    <dl id="returned-list"></dl>
  </section>
</main>
<script>
(function () {
  var pages = ${addresses};
  var progress = document.getElementById('progress');
  var returnUrl = location.origin + '/demo-cmc-client/';
  var sensitive = ['dataGrantApiEndpoint'];
  document.getElementById('pryv-api').value = pages.pryvApi;

  function say(text, isError) {
    progress.textContent = text;
    progress.className = isError ? 'error' : '';
  }

  function show(how, origin, result) {
    var list = document.getElementById('returned-list');
    list.replaceChildren();
    document.getElementById('returned').hidden = false;
    var rows = [['received by', how]];
    if (origin) rows.push(['origin', origin]);
    Object.keys(result || {}).forEach(function (name) {
      var value = result[name];
      rows.push([name, sensitive.indexOf(name) >= 0 ? '(received; it carries a token)' : JSON.stringify(value)]);
    });
    rows.forEach(function (row) {
      var dt = document.createElement('dt');
      var dd = document.createElement('dd');
      dt.textContent = row[0];
      dd.textContent = row[1];
      dd.id = 'returned-' + row[0].replace(/[^a-z]/gi, '-');
      list.append(dt, dd);
    });
  }

  function control(path, body) {
    return fetch('/_demo/cmc/' + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) throw new Error((json.error && json.error.message) || 'The platform refused.');
          return json;
        });
      });
  }

  var offers = {
    'single-use': { mode: 'single-use', request: { permissions: [{ streamId: 'health', level: 'read', defaultName: 'Health' }] } },
    choice: { mode: 'single-use', request: { allowUserChoice: true, consent: {
      en: 'I agree that Demo Study reads the data I keep ticked above.',
      fr: 'J’accepte que Demo Study lise les données que je laisse cochées ci-dessus.',
      de: 'Ich bin einverstanden, dass Demo Study die Daten liest, die ich oben angekreuzt lasse.',
      it: 'Accetto che Demo Study legga i dati che lascio selezionati qui sopra.' }, permissions: [
      { streamId: 'health', level: 'read', defaultName: 'Health', mandatory: true },
      { streamId: 'diary', level: 'read', defaultName: 'Diary' }] } },
    'open-link': { mode: 'open-link', request: { permissions: [{ streamId: 'health', level: 'read', defaultName: 'Health' }] } }
  };

  function open(pageUrl, params, mode) {
    var query = new URLSearchParams(params);
    if (mode === 'redirect') {
      query.set('returnUrl', returnUrl);
      query.set('mode', 'redirect');
      location.assign(pageUrl + '?' + query.toString());
      return;
    }
    query.set('mode', 'popup');
    var popup = window.open(pageUrl + '?' + query.toString(), 'demo-cmc-page', 'width=520,height=720');
    say(popup ? 'Waiting for the page in the popup…' : 'The browser blocked the popup.', !popup);
  }

  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.type !== 'cmc-accept-result' && data.type !== 'cmc-scope-update-result') return;
    show('postMessage', event.origin, data);
    say(data.ok ? 'The page answered: done.' : 'The page answered: not done.', !data.ok);
  });

  document.getElementById('offer-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = offers[document.getElementById('offer-kind').value];
    say('Publishing the offer…', false);
    control('offers', {
      requester: 'demo-study', appScope: 'study', mode: chosen.mode,
      request: Object.assign({ title: { en: 'Join the sleep study' }, consent: {
        en: 'I agree that Demo Study reads the data listed above.',
        fr: 'J’accepte que Demo Study lise les données listées ci-dessus.',
        de: 'Ich bin einverstanden, dass Demo Study die oben aufgeführten Daten liest.',
        it: 'Accetto che Demo Study legga i dati elencati qui sopra.' } }, chosen.request),
      requesterMeta: { displayName: 'Demo Study', appId: 'study' }
    }).then(function (offer) {
      // The grant is named after the study, as a requester's accept link names it (accessName).
      open(pages.accept, { capabilityUrl: offer.capabilityUrl, scopeStreamId: ':_cmc:apps:study', pryvApi: document.getElementById('pryv-api').value, accessName: 'Demo Study' }, event.submitter.value);
    }).catch(function (error) { say(error.message, true); });
  });

  document.getElementById('scope-form').addEventListener('submit', function (event) {
    event.preventDefault();
    say('Asking for a wider scope…', false);
    control('scope-requests', {
      requester: 'demo-study', recipient: document.getElementById('recipient').value.trim(),
      newPermissions: [{ streamId: 'health', level: 'read' }, { streamId: 'diary', level: 'read' }],
      message: { en: 'May the study also read your diary?' }
    }).then(function (request) {
      open(pages.scopeUpdate, { scopeRequestEventId: request.scopeRequestEventId, pryvApi: document.getElementById('pryv-api').value, scopeStreamId: request.scopeStreamId }, event.submitter.value);
    }).catch(function (error) { say(error.message, true); });
  });

  function handleReturn() {
    var params = new URLSearchParams(location.search);
    var name = params.has('cmcAcceptResult') ? 'cmcAcceptResult' : params.has('cmcScopeUpdateResult') ? 'cmcScopeUpdateResult' : null;
    if (!name) return;
    // The result may carry a token: keep it out of the history once read.
    history.replaceState(null, '', location.pathname);
    try {
      show('return URL (' + name + ')', null, JSON.parse(params.get(name)));
    } catch (error) {
      say('The result in the return URL is not JSON.', true);
    }
  }

  handleReturn();
})();
</script>
</body>
</html>
`

export const cmcClientAppRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/demo-cmc-client\/$/,
    meta: 'never',
    handle: (context) => htmlAnswer(200, page(pageAddresses(context))),
  },
  {
    method: 'GET',
    pattern: /^\/demo-cmc-client$/,
    meta: 'never',
    handle: () => ({ status: 301, headers: { location: '/demo-cmc-client/' }, body: '' }),
  },
]
