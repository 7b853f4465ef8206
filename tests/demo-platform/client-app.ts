import { demoPageHead } from './demo-page-style.ts'
import { htmlAnswer } from './http.ts'
import type { Route } from './router.ts'

/**
 * A third-party app, as a newcomer or a test would use one: it creates an auth
 * request, opens the auth page in a popup and polls until the user answered.
 * Server data is only ever shown as text.
 */
const page = `${demoPageHead('Demo app: Pryv.io auth request')}
<body>
<main>
  <h1>Demo app</h1>
  <p>This page plays a third-party app asking a Pryv.io user for access to their data.</p>
  <form id="request-form">
    <label for="app-id">Requesting app id</label>
    <input id="app-id" name="requestingAppId" value="demo-app" required>
    <label for="permissions">Requested permissions (JSON)</label>
    <textarea id="permissions" name="permissions">[{"streamId":"diary","defaultName":"Diary","level":"read"}]</textarea>
    <label for="return-url">Return URL (optional)</label>
    <input id="return-url" name="returnURL" type="url" placeholder="Leave empty for a popup that closes itself">
    <label for="language">Language</label>
    <select id="language" name="languageCode"><option value="en">English</option><option value="fr">Français</option></select>
    <button id="start" type="submit">Start auth request</button>
  </form>
  <p id="progress" role="status"></p>
  <p><a id="auth-link" hidden target="_blank" rel="noopener">Open the sign-in page</a></p>
  <h2>Result</h2>
  <dl>
    <dt>Status</dt><dd id="result-status">none yet</dd>
    <dt>Username</dt><dd id="result-username"></dd>
    <dt>API endpoint</dt><dd id="result-endpoint"></dd>
    <dt>Reason</dt><dd id="result-reason"></dd>
  </dl>
  <section id="returned" hidden>
    <h2>Parameters the auth page sent back</h2>
    <dl id="returned-list"></dl>
  </section>
</main>
<script>
(function () {
  var form = document.getElementById('request-form');
  var startButton = document.getElementById('start');
  var progress = document.getElementById('progress');
  var authLink = document.getElementById('auth-link');

  function show(id, value) { document.getElementById(id).textContent = value == null ? '' : String(value); }
  function say(text, isError) { progress.textContent = text; progress.className = isError ? 'error' : ''; }

  function showReturnedParameters() {
    var list = document.getElementById('returned-list');
    var shown = 0;
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (!/^prYv/.test(name) && ['state', 'code', 'poll'].indexOf(name) < 0) return;
      var term = document.createElement('dt'); term.textContent = name;
      var detail = document.createElement('dd'); detail.textContent = value;
      list.append(term, detail);
      shown++;
    });
    document.getElementById('returned').hidden = shown === 0;
  }

  function showFinalState(state) {
    show('result-status', state.status);
    show('result-username', state.username);
    show('result-endpoint', state.apiEndpoint);
    show('result-reason', state.reasonId || state.message);
    say('The request is answered.', false);
    startButton.disabled = false;
  }

  function poll(url, rateMs) {
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.error) { say('Polling failed: ' + state.error.id, true); startButton.disabled = false; return; }
        if (state.status === 'NEED_SIGNIN') { setTimeout(function () { poll(url, rateMs); }, rateMs); return; }
        showFinalState(state);
      })
      .catch(function () { say('Polling failed: the platform did not answer.', true); startButton.disabled = false; });
  }

  function requestBody() {
    var body = {
      requestingAppId: form.requestingAppId.value.trim(),
      requestedPermissions: JSON.parse(form.permissions.value),
      languageCode: form.languageCode.value
    };
    if (form.returnURL.value.trim() !== '') body.returnURL = form.returnURL.value.trim();
    return body;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body;
    try { body = requestBody(); } catch (err) { say('The permissions are not valid JSON.', true); return; }
    startButton.disabled = true;
    show('result-status', 'none yet'); show('result-username', ''); show('result-endpoint', ''); show('result-reason', '');
    // Opened at once, inside the click: browsers block popups opened later.
    var popup = window.open('', 'pryv-auth', 'popup,width=480,height=720');
    say('Creating the auth request…', false);
    fetch('/reg/access', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .then(function (created) {
        if (!created.authUrl) throw new Error(created.error ? created.error.id : 'no authUrl');
        authLink.href = created.authUrl;
        authLink.hidden = false;
        if (popup) popup.location.href = created.authUrl;
        say('Waiting for the user to answer in the popup…', false);
        poll(created.poll, created.poll_rate_ms || 1000);
      })
      .catch(function (err) {
        if (popup) popup.close();
        say('The auth request failed: ' + err.message, true);
        startButton.disabled = false;
      });
  });

  showReturnedParameters();
})();
</script>
</body>
</html>
`

export const clientAppRoutes: Route[] = [
  { method: 'GET', pattern: /^\/demo-app\/$/, meta: 'never', handle: () => htmlAnswer(200, page) },
  {
    method: 'GET',
    pattern: /^\/demo-app$/,
    meta: 'never',
    handle: () => ({ status: 301, headers: { location: '/demo-app/' }, body: '' }),
  },
]
