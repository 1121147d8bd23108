// A small STOMP 1.2 client over a native WebSocket, for the chat widget and the agent console.
'use strict';
window.WDStomp = class {
  constructor(url, headers) { this.url = url; this.headers = headers || {}; this.subs = {}; this.receipts = {}; this.next = 0; this.open = false; }
  connect(onConnected, onClosed) {
    const ws = new WebSocket(this.url, ['v12.stomp']);
    this.ws = ws;
    let buffer = '';
    ws.onopen = () => this.frame('CONNECT', Object.assign({ 'accept-version': '1.2', host: location.host, 'heart-beat': '0,0' }, this.headers));
    ws.onmessage = e => {
      buffer += e.data;
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 1).replace(/^\n+/, '');
        this.receive(raw, onConnected);
      }
    };
    ws.onclose = () => { const was = this.open; this.open = false; if (onClosed) onClosed(was); };
  }
  receive(raw, onConnected) {
    const split = raw.indexOf('\n\n');
    const head = (split < 0 ? raw : raw.slice(0, split)).split('\n');
    const body = split < 0 ? '' : raw.slice(split + 2);
    const command = head.shift();
    const headers = {};
    head.forEach(line => { const i = line.indexOf(':'); if (i > 0 && !(line.slice(0, i) in headers)) headers[line.slice(0, i)] = line.slice(i + 1); });
    if (command === 'CONNECTED') { this.open = true; onConnected(headers); }
    else if (command === 'MESSAGE') { const cb = this.subs[headers.subscription]; if (cb) cb(JSON.parse(body), headers); }
    else if (command === 'RECEIPT') { const done = this.receipts[headers['receipt-id']]; if (done) { delete this.receipts[headers['receipt-id']]; done(); } }
    else if (command === 'ERROR') { console.warn('STOMP error', headers.message); }
  }
  frame(command, headers, body) {
    const lines = [command].concat(Object.entries(headers).map(([k, v]) => k + ':' + v));
    this.ws.send(lines.join('\n') + '\n\n' + (body || '') + '\0');
  }
  // Resolves once the broker confirms the subscription: with a broker relay a message sent earlier could overtake it.
  subscribe(destination, callback) {
    const id = 'sub-' + (this.next++);
    this.subs[id] = callback;
    return new Promise(resolve => {
      this.receipts[id] = resolve;
      this.frame('SUBSCRIBE', { id, destination, receipt: id });
    });
  }
  send(destination, body) {
    if (this.open) this.frame('SEND', { destination, 'content-type': 'application/json' }, JSON.stringify(body || {}));
  }
  close() { try { this.frame('DISCONNECT', {}); this.ws.close(); } catch (e) { /* closing anyway */ } }
};
