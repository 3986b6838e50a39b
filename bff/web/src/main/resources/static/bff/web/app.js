// The page asks bff-web who is signed in. The browser holds only bff-web's session cookie; the
// tokens stay on the server. Every URL is relative, so the page works through the gateway and on
// bff-web's own port alike.
'use strict';

function reveal(id) {
  document.getElementById(id).hidden = false;
}

async function json(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: response.ok ? await response.json() : null };
}

async function showWhoIsSignedIn() {
  if (new URLSearchParams(location.search).get('signin') === 'failed') {
    reveal('signin-failed');
  }
  const me = await json('api/me');
  if (me.status === 401) {
    reveal('anonymous');
    return;
  }
  if (me.body === null) {
    reveal('trouble');
    return;
  }
  document.getElementById('name').textContent = me.body.displayName;
  document.getElementById('points').textContent = me.body.points ?? '?';
  // Sign-out is a POST and needs the session's CSRF token.
  const csrf = await json('api/csrf');
  const field = document.getElementById('csrf');
  field.name = csrf.body.parameterName;
  field.value = csrf.body.token;
  reveal('signed-in');
}

showWhoIsSignedIn().catch(() => reveal('trouble'));
