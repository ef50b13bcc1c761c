/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe` (fd 3 = commands to the browser,
 * fd 4 = replies and events, each message JSON terminated by a NUL byte). No WebSocket needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

type Json = Record<string, unknown>;
export interface CdpEvent {
  method: string;
  params: Json;
  sessionId?: string;
}

export class CdpPipe {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void; method: string }>();
  private listeners: Array<(e: CdpEvent) => void> = [];
  private buffer = '';
  readonly stderr: string[] = [];

  private constructor(
    private readonly proc: ChildProcess,
    private readonly out: Writable,
    inp: Readable,
  ) {
    inp.setEncoding('utf8');
    inp.on('data', (chunk: string) => this.onData(chunk));
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (s: string) => this.stderr.push(s));
  }

  /** Starts a headless Chromium with the pipe open. */
  static launch(binary: string, extraArgs: string[] = []): CdpPipe {
    const proc = spawn(
      binary,
      [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-extensions',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--remote-debugging-pipe',
        // no preloaded omnibox pages: headless Chromium 140+ starts its toolbar's WebUI renderers too, which load
        // and run their scripts for seconds after launch, beside the page being tested or timed
        '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
        ...extraArgs,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    return new CdpPipe(proc, proc.stdio[3] as Writable, proc.stdio[4] as Readable);
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let i: number;
    while ((i = this.buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(this.buffer.slice(0, i)) as Json;
      this.buffer = this.buffer.slice(i + 1);
      if (typeof msg.id === 'number') {
        const p = this.pending.get(msg.id);
        if (!p) continue;
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${JSON.stringify(msg.error)}`));
        else p.resolve((msg.result ?? {}) as Json);
      } else if (typeof msg.method === 'string') {
        for (const l of this.listeners) l({ method: msg.method, params: (msg.params ?? {}) as Json, sessionId: msg.sessionId as string | undefined });
      }
    }
  }

  send(method: string, params: Json = {}, sessionId?: string): Promise<Json> {
    const id = this.nextId++;
    const msg = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.out.write(`${msg}\0`);
    });
  }

  on(listener: (e: CdpEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves with the first event of that method (optionally matching a predicate), or rejects after a timeout. */
  waitFor(method: string, timeoutMs: number, match: (e: CdpEvent) => boolean = () => true): Promise<CdpEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
      this.on((e) => {
        if (e.method === method && match(e)) {
          clearTimeout(timer);
          resolve(e);
        }
      });
    });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // the browser may already be gone
    }
    if (this.proc.exitCode === null && this.proc.pid !== undefined) this.proc.kill('SIGTERM');
  }
}
