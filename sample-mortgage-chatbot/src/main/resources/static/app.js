// The mortgage helper page. All state lives in the server's HTTP session; this script
// only shows it. By default the API is on this page's origin and the session travels in
// an HttpOnly cookie. A page hosted elsewhere sets window.SESSIONKIT_API_BASE to the
// API's origin (split-frontend mode): requests then carry credentials, and the session
// id from the X-Auth-Token header is kept in sessionStorage for browsers that block
// third-party cookies. window.SESSIONKIT_CREDENTIALS = 'omit' relies on the header alone.
(() => {
  'use strict';

  const API = (window.SESSIONKIT_API_BASE || '').replace(/\/$/, '');
  const crossOrigin = API !== '' && new URL(API, location.href).origin !== location.origin;
  const credentials = window.SESSIONKIT_CREDENTIALS || (crossOrigin ? 'include' : 'same-origin');
  const TOKEN_KEY = 'sessionkit.token';
  // sessionStorage survives reloads within the tab; a browser may refuse it altogether.
  const tokens = {
    get() { try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; } },
    set(token) { try { sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { /* cookie only */ } },
    clear() { try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing kept */ } },
  };
  const MAX_MESSAGES = 100;
  const FIELDS = ['annualIncome', 'monthlyDebts', 'creditScore', 'propertyPrice', 'downPayment', 'loanTermYears', 'interestRate'];
  const HINT = 'Hi! I\'m a rule-based mortgage helper. Fill in the form, or tell me here, for example '
    + '"income 85k, debts 400". Then ask for your debt-to-income ratio, how much you can borrow, or your monthly payment.';

  const form = document.getElementById('form');
  const status = document.getElementById('status');
  const banner = document.getElementById('banner');
  const messages = document.getElementById('messages');
  const chatForm = document.getElementById('chat-form');
  const chatInput = document.getElementById('chat-input');
  const send = document.getElementById('send');
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const sent = {};
  const timers = {};

  class ApiError extends Error {
    constructor(status, message, errors) {
      super(message);
      this.status = status;
      this.errors = errors || {};
    }
  }

  // Requests run one at a time, so that two quick edits cannot overwrite each other.
  // data-busy on <body> tells (and lets tests wait) whether any is still under way.
  let queue = Promise.resolve();
  let pending = 0;
  function enqueue(task) {
    pending++;
    document.body.dataset.busy = 'true';
    const run = queue.then(task, task).finally(() => {
      pending--;
      document.body.dataset.busy = String(pending > 0);
    });
    queue = run.catch(() => {});
    return run;
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (crossOrigin) {
      const token = tokens.get();
      if (token) {
        headers['X-Auth-Token'] = token;
      }
    }
    let response;
    try {
      response = await fetch(API + path, {
        method,
        headers,
        credentials,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, 'Cannot reach the chatbot server'
        + (crossOrigin ? ' (is this page\'s origin listed in the server\'s FRONTEND_URL?)' : '') + '.');
    }
    const token = response.headers.get('X-Auth-Token');
    if (crossOrigin && token !== null) {
      if (token) {
        tokens.set(token);
      } else {
        tokens.clear();
      }
    }
    banner.hidden = true;
    if (response.status === 204) {
      return null;
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      const message = (data && (data.detail || data.message || data.title)) || ('The server answered HTTP ' + response.status + '.');
      throw new ApiError(response.status, message, data && data.errors);
    }
    return data;
  }

  function showBanner(message) {
    banner.textContent = message;
    banner.hidden = false;
  }

  function showStatus(message, error) {
    status.textContent = message;
    status.className = error ? 'error' : '';
  }

  function fieldError(name, message) {
    const input = form.elements[name];
    input.classList.toggle('invalid', Boolean(message));
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    document.getElementById(name + '-error').textContent = message || '';
  }

  function showForm(values, keepFocused) {
    FIELDS.forEach((name) => {
      const input = form.elements[name];
      if (keepFocused && document.activeElement === input) {
        return;
      }
      const value = values[name];
      input.value = (value === null || value === undefined) ? '' : String(value);
      sent[name] = input.value;
      fieldError(name, '');
    });
  }

  function showEstimate(estimate) {
    const show = (id, text) => { document.getElementById('estimate-' + id).textContent = text; };
    show('loanAmount', estimate.loanAmount === null ? '—' : dollars.format(estimate.loanAmount));
    show('monthlyPayment', estimate.monthlyPayment === null ? '—' : money.format(estimate.monthlyPayment));
    const dti = estimate.debtToIncome !== null ? estimate.debtToIncome : estimate.currentDebtToIncome;
    show('debtToIncome', dti === null ? '—' : Number(dti).toFixed(1) + '%');
    show('maxLoan', estimate.maxLoan === null ? '—' : dollars.format(estimate.maxLoan));
  }

  function addMessage(author, text, at) {
    const hint = messages.querySelector('.hint');
    if (hint && author !== 'hint') {
      hint.remove();
    }
    const item = document.createElement('li');
    item.className = 'message ' + author;
    item.textContent = text;
    if (at) {
      const time = document.createElement('time');
      time.dateTime = at;
      time.title = at;
      time.textContent = new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' });
      item.appendChild(time);
    }
    messages.appendChild(item);
    const stored = messages.querySelectorAll('.message.user, .message.bot');
    for (let i = 0; i < stored.length - MAX_MESSAGES; i++) {
      stored[i].remove();
    }
    messages.scrollTop = messages.scrollHeight;
  }

  function showMessages(list) {
    messages.replaceChildren();
    if (list.length === 0) {
      addMessage('hint', HINT);
    }
    list.forEach((message) => addMessage(message.author.toLowerCase(), message.text, message.at));
  }

  // The form: each field is saved in the session as it changes.
  function save(name) {
    clearTimeout(timers[name]);
    const value = form.elements[name].value.trim();
    if (sent[name] === value) {
      return;
    }
    sent[name] = value;
    showStatus('Saving…');
    enqueue(async () => {
      try {
        const view = await api('PATCH', '/api/form', { [name]: value });
        fieldError(name, '');
        showEstimate(view.estimate);
        showStatus('Saved in your session.');
      } catch (e) {
        if (e.errors && e.errors[name]) {
          fieldError(name, e.errors[name]);
          showStatus('Not saved: ' + e.errors[name], true);
        } else {
          sent[name] = undefined;
          showStatus('Not saved: ' + e.message, true);
          if (e.status === 0) {
            showBanner(e.message);
          }
        }
      }
    });
  }
  FIELDS.forEach((name) => {
    const input = form.elements[name];
    input.addEventListener('input', () => {
      clearTimeout(timers[name]);
      timers[name] = setTimeout(() => save(name), 400);
    });
    input.addEventListener('change', () => save(name));
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  // The chat.
  chatForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = chatInput.value.trim();
    if (!text) {
      return;
    }
    send.disabled = true;
    enqueue(async () => {
      try {
        const reply = await api('POST', '/api/chat', { message: text });
        chatInput.value = '';
        reply.messages.forEach((message) => addMessage(message.author.toLowerCase(), message.text, message.at));
        showForm(reply.form, true);
        showEstimate(reply.estimate);
      } catch (e) {
        addMessage('error', e.message);
        if (e.status === 0) {
          showBanner(e.message);
        }
      } finally {
        send.disabled = false;
        chatInput.focus();
      }
    });
  });
  chatInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      chatForm.requestSubmit();
    }
  });

  document.getElementById('new-session').addEventListener('click', () => {
    enqueue(async () => {
      try {
        await api('DELETE', '/api/session');
        tokens.clear();
        showForm({}, false);
        showMessages([]);
        showEstimate({ loanAmount: null, monthlyPayment: null, debtToIncome: null, currentDebtToIncome: null, maxLoan: null });
        showStatus('Started a new session.');
      } catch (e) {
        showStatus(e.message, true);
      }
    });
  });

  // Everything shown comes from the session.
  enqueue(async () => {
    try {
      const history = await api('GET', '/api/session/history');
      showForm(history.form, false);
      showEstimate(history.estimate);
      showMessages(history.messages);
      const restored = history.messages.length > 0 || FIELDS.some((name) => history.form[name] !== null);
      showStatus(restored ? 'Restored from your session.' : '');
      document.body.dataset.loaded = 'true';
    } catch (e) {
      showMessages([]);
      showBanner(e.message);
      document.body.dataset.loaded = 'error';
    }
  });
})();
