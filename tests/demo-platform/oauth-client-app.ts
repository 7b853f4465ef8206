import { demoPageHead } from './demo-page-style.ts'
import { htmlAnswer } from './http.ts'
import type { Route } from './router.ts'

/**
 * A third-party OAuth client, as a newcomer or a test would use one: it makes
 * a PKCE pair, starts the code flow for a chosen offer and, back on its
 * redirect URI, exchanges the code and shows what the token may read.
 * Everything received is shown as text.
 */
const page = `${demoPageHead('Demo OAuth client')}
<body>
<main>
  <h1>Demo OAuth client</h1>
  <p>This page plays a third-party app using OAuth 2.0 (authorization code with PKCE) on the demo Pryv.io platform.</p>
  <form id="start-form">
    <label for="offer">Consent offer</label>
    <select id="offer" name="offer">
      <option value="demo-health-study cmc:share">Demo Health Study: share (the user chooses, health is mandatory)</option>
      <option value="demo-health-study cmc:aon">Demo Health Study: all or nothing</option>
      <option value="demo-etude-zurich cmc:intl">Étude à Zürich: texts in several languages</option>
    </select>
    <label for="login-hint">Username hint (optional)</label>
    <input id="login-hint" name="loginHint" autocomplete="off">
    <button id="start" type="submit">Start the OAuth flow</button>
  </form>
  <p id="progress" role="status"></p>
  <section id="returned" hidden>
    <h2>What the consent page sent back</h2>
    <dl id="returned-list"></dl>
  </section>
  <section id="token" hidden>
    <h2>Token exchange</h2>
    <dl id="token-list"></dl>
    <h3>Permissions of the token (access-info)</h3>
    <ul id="permissions"></ul>
  </section>
</main>
<script>
(function () {
  var pendingKey = 'demo-oauth-client-pending';
  var progress = document.getElementById('progress');
  var redirectUri = location.origin + '/demo-oauth-client/callback';

  function say(text, isError) {
    progress.textContent = text;
    progress.className = isError ? 'error' : '';
  }

  function addRow(listId, name, value) {
    var dt = document.createElement('dt');
    var dd = document.createElement('dd');
    dt.textContent = name;
    dd.textContent = value;
    document.getElementById(listId).append(dt, dd);
  }

  function base64url(bytes) {
    var text = '';
    new Uint8Array(bytes).forEach(function (byte) { text += String.fromCharCode(byte); });
    return btoa(text).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
  }

  function randomText() {
    return base64url(crypto.getRandomValues(new Uint8Array(32)));
  }

  document.getElementById('start-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var choice = document.getElementById('offer').value.split(' ');
    var verifier = randomText();
    var csrf = randomText();
    crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
      sessionStorage.setItem(pendingKey, JSON.stringify({ verifier: verifier, state: csrf, clientId: choice[0] }));
      var query = new URLSearchParams({
        client_id: choice[0], redirect_uri: redirectUri, response_type: 'code', state: csrf,
        code_challenge: base64url(digest), code_challenge_method: 'S256', scope: choice[1]
      });
      var hint = document.getElementById('login-hint').value.trim();
      if (hint !== '') query.set('login_hint', hint);
      location.assign('/oauth2/authorize?' + query.toString());
    });
  });

  function showPermissions(endpoint, accessToken) {
    var url = new URL(endpoint);
    url.username = '';
    return fetch(url.href + 'access-info', { headers: { Authorization: accessToken } })
      .then(function (response) { return response.json(); })
      .then(function (info) {
        (info.permissions || []).forEach(function (permission) {
          var item = document.createElement('li');
          item.textContent = JSON.stringify(permission);
          document.getElementById('permissions').append(item);
        });
      });
  }

  function exchange(code, pending) {
    say('Exchanging the code for a token…', false);
    var form = new URLSearchParams({ grant_type: 'authorization_code', code: code, code_verifier: pending.verifier, client_id: pending.clientId, redirect_uri: redirectUri });
    fetch('/oauth2/token', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        document.getElementById('token').hidden = false;
        if (answer.error) {
          addRow('token-list', 'error', answer.error);
          addRow('token-list', 'error_description', answer.error_description || '');
          say('The token exchange failed.', true);
          return;
        }
        ['token_type', 'expires_in', 'scope'].forEach(function (name) { addRow('token-list', name, String(answer[name])); });
        say('Token received.', false);
        return showPermissions(answer.apiEndpoint, answer.access_token);
      })
      .catch(function () { say('The platform did not answer.', true); });
  }

  function handleReturn() {
    var params = new URLSearchParams(location.search);
    if (location.pathname !== '/demo-oauth-client/callback') return;
    document.getElementById('returned').hidden = false;
    params.forEach(function (value, name) { addRow('returned-list', name, name === 'code' ? '(received)' : value); });
    // The code is single-use and ours alone: keep it out of the history once read.
    history.replaceState(null, '', location.pathname);
    var pending = JSON.parse(sessionStorage.getItem(pendingKey) || 'null');
    sessionStorage.removeItem(pendingKey);
    if (!pending || params.get('state') !== pending.state) { say('This answer does not match a flow started here (state mismatch).', true); return; }
    if (params.get('error')) { say('The flow ended without access: ' + params.get('error'), true); return; }
    if (params.get('code')) exchange(params.get('code'), pending);
  }

  handleReturn();
})();
</script>
</body>
</html>
`

export const oauthClientAppRoutes: Route[] = [
  { method: 'GET', pattern: /^\/demo-oauth-client\/(callback)?$/, meta: 'never', handle: () => htmlAnswer(200, page) },
  {
    method: 'GET',
    pattern: /^\/demo-oauth-client$/,
    meta: 'never',
    handle: () => ({ status: 301, headers: { location: '/demo-oauth-client/' }, body: '' }),
  },
]
