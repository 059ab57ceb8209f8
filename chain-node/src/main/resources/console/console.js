// The console's script layer: relative times and the wallet sign-in. Pages are whole without it.
const ago = (ms) => {
  const s = Math.max(0, Math.floor((Date.now() - ms) / 1000));
  return s < 60 ? `${s} s ago` : s < 3600 ? `${Math.floor(s / 60)} min ago` : `${Math.floor(s / 3600)} h ago`;
};
setInterval(() => document.querySelectorAll('[data-time]').forEach((el) => {
  el.textContent = ago(Number(el.dataset.time));
}), 1000);

const SIWE_GRANT = 'urn:gridchain:params:oauth:grant-type:siwe';
const hex = (text) => '0x' + Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');

async function problem(response) {
  try {
    const body = await response.json();
    return body.error_description || body.detail || body.error || response.statusText;
  } catch (e) {
    return response.statusText;
  }
}

// The node's own sign-in: POST /oauth/challenge, personal_sign of its SIWE message, POST /oauth/token.
async function signIn(status) {
  const accounts = await window.ethereum.request({ method: 'eth_requestAccounts' });
  const address = accounts[0];
  status.textContent = `Asking the node for a sign-in message for ${address}…`;
  const challenge = await fetch('/oauth/challenge', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ address, audience: location.origin + '/' }),
  });
  if (!challenge.ok) throw new Error(await problem(challenge));
  const { message } = await challenge.json();
  status.textContent = 'Sign the message in your wallet…';
  const signature = await window.ethereum.request({ method: 'personal_sign', params: [hex(message), address] });
  const token = await fetch('/oauth/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: SIWE_GRANT, message, signature }),
  });
  if (!token.ok) throw new Error(await problem(token));
  const { access_token: accessToken } = await token.json();
  sessionStorage.setItem('gridchain.token', accessToken);
  return accessToken;
}

async function showMine(token, status) {
  const r = await fetch('/mine/view', { headers: { Authorization: `Bearer ${token}` } });
  document.getElementById('mine').innerHTML = await r.text();
  if (!r.ok) {
    sessionStorage.removeItem('gridchain.token');
  }
  status.textContent = r.ok ? '' : 'Not signed in.'; // the view itself says who is signed in
}

const button = document.getElementById('sign-in');
if (button) {
  const status = document.getElementById('sign-in-status');
  const saved = sessionStorage.getItem('gridchain.token');
  if (saved) {
    showMine(saved, status);
  }
  if (!window.ethereum) {
    status.textContent = 'No wallet found in this browser (window.ethereum): install one to sign in.';
  }
  button.addEventListener('click', async () => {
    if (!window.ethereum) {
      status.textContent = 'No wallet found in this browser (window.ethereum): install one to sign in.';
      return;
    }
    button.disabled = true;
    try {
      await showMine(await signIn(status), status);
    } catch (e) {
      status.textContent = `Sign-in failed: ${e.message || e}`;
    } finally {
      button.disabled = false;
    }
  });
}
