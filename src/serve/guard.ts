// Who may ask what of the server: the token (in ?token= once, then the HttpOnly SameSite=Strict
// cookie, or a Bearer header), the Host (ours only: no DNS rebinding), the Origin of a decision
// (this server's page only), and the headers every answer carries (a strict CSP with the
// page's nonce).

import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export class Guard {
  readonly token = randomBytes(24).toString("base64url");
  readonly #tokenBytes = Buffer.from(this.token);
  /** Set once the server listens. */
  port = 0;

  /** Per port: two servers on 127.0.0.1 share a cookie jar, not a token. */
  get cookieName(): string {
    return `taskgate-${this.port}`;
  }

  get origins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }

  hostIsOurs(req: IncomingMessage): boolean {
    return [`127.0.0.1:${this.port}`, `localhost:${this.port}`].includes(req.headers.host ?? "");
  }

  originIsOurs(req: IncomingMessage): boolean {
    return req.headers.origin !== undefined && this.origins.includes(req.headers.origin);
  }

  #same(given: string | undefined): boolean {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === this.#tokenBytes.length && timingSafeEqual(b, this.#tokenBytes);
  }

  /** Whether the request carries the token, and whether in the URL (to be moved to the cookie). */
  tokenOf(req: IncomingMessage, url: URL): { ok: boolean; fromQuery: boolean } {
    if (this.#same(url.searchParams.get("token") ?? undefined)) return { ok: true, fromQuery: true };
    const auth = req.headers.authorization;
    if (auth?.startsWith("Bearer ") && this.#same(auth.slice(7))) return { ok: true, fromQuery: false };
    for (const part of (req.headers.cookie ?? "").split(";")) {
      const eq = part.indexOf("=");
      if (eq > 0 && part.slice(0, eq).trim() === this.cookieName && this.#same(part.slice(eq + 1).trim()))
        return { ok: true, fromQuery: false };
    }
    return { ok: false, fromQuery: false };
  }

  get setCookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

/** The headers of every answer; `nonce` lets the page's inline script and style run. */
export function answerHeaders(type: string, nonce?: string): Record<string, string> {
  return {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "content-security-policy": [
      "default-src 'none'",
      nonce ? `script-src 'nonce-${nonce}'` : "script-src 'none'",
      nonce ? `style-src 'nonce-${nonce}'` : "style-src 'none'",
      "connect-src 'self'",
      "img-src data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  };
}
