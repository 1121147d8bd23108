// A small STOMP 1.2 client over a native WebSocket, for the chat widget and the agent console.
'use strict';
window.WDStomp = class {
  constructor(url, headers) { this.url = url; this.headers = headers || {}; this.subs = {}; this.receipts = {}; this.next = 0; this.open = false; }
  connect(onConnected, onClosed) {
    const ws = new WebSocket(this.url, ['v12.stomp']);
    this.ws = ws;
    let buffer = '';
    ws.onopen = () => this.frame('CONNECT', Object.assign({ 'accept-version': '1.2', host: location.host, 'heart-beat': '10000,10000' }, this.headers));
    ws.onmessage = e => {
      this.lastHeard = Date.now();
      buffer = (buffer + e.data).replace(/^\n+/, ''); // a lone newline is the server's heart-beat
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 1).replace(/^\n+/, '');
        this.receive(raw, onConnected);
      }
    };
    ws.onclose = () => { this.stopBeating(); const was = this.open; this.open = false; if (onClosed) onClosed(was); };
  }
  // STOMP 1.2 heart-beats as the server agreed in CONNECTED: a newline every so often, and a connection that has
  // heard nothing for two and a half of the server's beats is taken for dead and closed (the caller reconnects).
  beat(agreed) {
    const [serverSends, serverWants] = (agreed || '0,0').split(',').map(Number);
    if (serverWants > 0) this.pinger = setInterval(() => { if (this.ws.readyState === 1) this.ws.send('\n'); }, Math.max(10000, serverWants));
    if (serverSends > 0) {
      const every = Math.max(10000, serverSends);
      this.lastHeard = Date.now();
      this.watchdog = setInterval(() => { if (Date.now() - this.lastHeard > every * 2.5) this.ws.close(); }, every);
    }
  }
  stopBeating() { clearInterval(this.pinger); clearInterval(this.watchdog); }
  receive(raw, onConnected) {
    const split = raw.indexOf('\n\n');
    const head = (split < 0 ? raw : raw.slice(0, split)).split('\n');
    const body = split < 0 ? '' : raw.slice(split + 2);
    const command = head.shift();
    const headers = {};
    head.forEach(line => { const i = line.indexOf(':'); if (i > 0 && !(line.slice(0, i) in headers)) headers[line.slice(0, i)] = line.slice(i + 1); });
    if (command === 'CONNECTED') { this.open = true; this.beat(headers['heart-beat']); onConnected(headers); }
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
  close() { this.stopBeating(); try { this.frame('DISCONNECT', {}); this.ws.close(); } catch (e) { /* closing anyway */ } }
};
