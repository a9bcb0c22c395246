'use strict';
document.getElementById('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('error');
  error.hidden = true;
  const res = await fetch('/api/session', {
    method: 'POST', headers: {'Content-Type': 'application/json'}, credentials: 'same-origin',
    body: JSON.stringify({user: document.getElementById('user').value, password: document.getElementById('password').value})
  });
  if (res.ok) {
    location.href = '/';
  } else {
    const body = await res.json().catch(() => ({message: 'Login failed.'}));
    error.textContent = body.message;
    error.hidden = false;
  }
});
